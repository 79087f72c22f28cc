namespace HyperSearch.Core.Searches;

/// <summary>
/// The queue page: every worker's slots (live workers first) and the queued trials in claim order.
/// <see cref="PendingAsks"/> lists running searches that will get new trials when a slot frees up;
/// <see cref="Teams"/> each team with work and its current and allowed share of the devices.
/// </summary>
public sealed record QueueSnapshot(
    IReadOnlyList<WorkerView> Workers,
    IReadOnlyList<QueuedTrialView> Queued,
    IReadOnlyList<PendingSearchView> PendingAsks,
    IReadOnlyList<TeamShareView> Teams);

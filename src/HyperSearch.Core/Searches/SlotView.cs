namespace HyperSearch.Core.Searches;

/// <summary>
/// One device slot of a worker and the trial running on it (null = free); <see cref="Problem"/> and
/// <see cref="ProblemSince"/> when the slot is backing off from the database; <see cref="EpochsThisRun"/>:
/// the epochs the trial reported since it was (re)started on this slot, the pace an ETA may use (a resumed
/// trial's <see cref="EpochsDone"/> includes epochs trained before).
/// </summary>
public sealed record SlotView(
    string Device,
    int Slot,
    long? TrialId,
    long? SearchId,
    string? SearchName,
    int? TrialNumber,
    int? EpochsDone,
    DateTimeOffset? StartedAt,
    string? Problem = null,
    DateTimeOffset? ProblemSince = null,
    int? EpochsThisRun = null);

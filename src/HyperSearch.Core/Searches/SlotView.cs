namespace HyperSearch.Core.Searches;

/// <summary>
/// One device slot of a worker and the trial running on it (null = free); <see cref="Problem"/> and
/// <see cref="ProblemSince"/> when the slot is backing off from the database.
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
    DateTimeOffset? ProblemSince = null);

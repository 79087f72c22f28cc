namespace HyperSearch.Core.Searches;

/// <summary>One device slot of a worker and the trial running on it (null = free).</summary>
public sealed record SlotView(
    string Device,
    int Slot,
    long? TrialId,
    long? SearchId,
    string? SearchName,
    int? TrialNumber,
    int? EpochsDone,
    DateTimeOffset? StartedAt);

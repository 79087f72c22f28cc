namespace HyperSearch.Core.Searches;

/// <summary>A running search with budget left: the next free slot may ask its sampler for a trial.</summary>
public sealed record PendingSearchView(
    long SearchId,
    string Name,
    string Owner,
    long TeamId,
    string TeamName,
    string? LaunchedByUserId,
    int Priority,
    int Remaining,
    int Running,
    int Parallelism,
    WaitReason Reason);

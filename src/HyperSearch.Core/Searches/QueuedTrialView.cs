namespace HyperSearch.Core.Searches;

/// <summary>A queued trial, its 1-based position in the claim order and why it waits; its search's team and launcher decide who may steer it.</summary>
public sealed record QueuedTrialView(
    long TrialId,
    long SearchId,
    string SearchName,
    string Owner,
    long TeamId,
    string TeamName,
    string? LaunchedByUserId,
    int Number,
    TrialKind Kind,
    int Priority,
    int Attempt,
    int Position,
    WaitReason Reason,
    DateTimeOffset QueuedAt);

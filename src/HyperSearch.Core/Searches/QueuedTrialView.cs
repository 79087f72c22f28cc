namespace HyperSearch.Core.Searches;

/// <summary>A queued trial, its 1-based position in the claim order and why it waits.</summary>
public sealed record QueuedTrialView(
    long TrialId,
    long SearchId,
    string SearchName,
    string Owner,
    int Number,
    TrialKind Kind,
    int Priority,
    int Attempt,
    int Position,
    WaitReason Reason,
    DateTimeOffset QueuedAt);

namespace HyperSearch.Core.Searches;

/// <summary>What changed since a cursor: new epoch rows, trials and searches whose state/metrics changed.</summary>
public sealed record ChangeSet(
    IReadOnlyList<EpochPoint> Epochs,
    IReadOnlyList<TrialRow> Trials,
    IReadOnlyList<SearchSummary> Searches,
    ChangeCursor Next,
    bool Truncated);

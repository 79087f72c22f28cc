using HyperSearch.Core.Trials;

namespace HyperSearch.Core.Searches;

/// <summary>Filters, sort and page of the ranked trials table (search trials only).</summary>
public sealed record TrialQuery
{
    public required long SearchId { get; init; }
    public IReadOnlyCollection<TrialState>? States { get; init; }
    public IReadOnlyCollection<string>? DecayTypes { get; init; }
    public double? MinInitialLr { get; init; }
    public double? MaxInitialLr { get; init; }
    /// <summary>Only trials carrying this tag (lower case).</summary>
    public string? Tag { get; init; }
    public TrialSort Sort { get; init; } = TrialSort.Rank;
    /// <summary>Reverse the natural order (Rank: best first; others ascending).</summary>
    public bool Descending { get; init; }
    public int Skip { get; init; }
    public int Take { get; init; } = 50;
}

namespace HyperSearch.Core.Pruning;

/// <summary>Pruner settings of a search. Type: none, median, asha, hyperband.</summary>
public sealed record PrunerSpec
{
    public string Type { get; init; } = "none";
    public int StartupTrials { get; init; } = 5;
    public int WarmupSteps { get; init; }
    public int ReductionFactor { get; init; } = 3;
    public int MinResource { get; init; } = 1;
    /// <summary>Hyperband's R, the most epochs a trial gets; the validator sets it to the search's epochs unless given.</summary>
    public int MaxResource { get; init; }
}

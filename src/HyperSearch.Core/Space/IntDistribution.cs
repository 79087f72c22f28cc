namespace HyperSearch.Core.Space;

/// <summary>An integer range [Low, High] with values Low + k·Step; <see cref="Log"/> samples in log space (Step must be 1).</summary>
public sealed record IntDistribution(int Low, int High, bool Log = false, int Step = 1) : Distribution
{
    public override string Kind => "int";

    /// <summary>The largest value Low + k·Step that is ≤ High.</summary>
    public int EffectiveHigh => Low + (High - Low) / Step * Step;
}

namespace HyperSearch.Core.Space;

/// <summary>
/// A real range [Low, High]. <see cref="Log"/> samples uniformly in log space; <see cref="Step"/>
/// restricts values to Low + k·Step (the top is the last such value ≤ High).
/// </summary>
public sealed record FloatDistribution(double Low, double High, bool Log = false, double? Step = null) : Distribution
{
    public override string Kind => "float";
}

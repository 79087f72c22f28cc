namespace HyperSearch.Core.Pbt;

/// <summary>
/// Population-based training, as in Ray Tune's PBT: <see cref="Population"/> members train in
/// segments of <see cref="Interval"/> epochs; after each segment a member in the bottom
/// <see cref="Fraction"/> copies a top member's checkpoint (exploit) and multiplies its LR and decay
/// parameters by one of <see cref="PerturbFactors"/> (explore), clipped to the space.
/// </summary>
public sealed record PbtSettings
{
    public int Population { get; init; } = 4;
    public int Interval { get; init; } = 2;
    public double Fraction { get; init; } = 0.25;
    public IReadOnlyList<double> PerturbFactors { get; init; } = [0.8, 1.2];

    /// <summary>Segments per member for a run of <paramref name="epochs"/>.</summary>
    public int Generations(int epochs) => (epochs + Interval - 1) / Interval;
}

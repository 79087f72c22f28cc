namespace HyperSearch.Core.Space;

/// <summary>
/// The tree-shaped search space of ARCHITECTURE.md: a log-scale initial LR, a choice of decay types
/// each owning its parameters, and optional warmup, optimizer, batch size and free-form named
/// numeric parameters (<see cref="Params"/>, carried to the trial config as a dictionary).
/// Build one with <see cref="SearchSpaceJson.Parse"/> so it is validated.
/// </summary>
public sealed record SearchSpace
{
    public required Distribution InitialLr { get; init; }
    public required IReadOnlyList<DecayBranch> Decay { get; init; }
    public IReadOnlyList<SpaceParam>? Warmup { get; init; }
    public IReadOnlyList<SpaceParam>? Optimizer { get; init; }
    public Distribution? BatchSize { get; init; }
    public IReadOnlyList<SpaceParam>? Params { get; init; }

    /// <summary>Population-based-training settings (the <c>pbt</c> section); used by the PBT strategy only.</summary>
    public Pbt.PbtSettings? Pbt { get; init; }

    /// <summary>Every dimension a config of decay type <paramref name="decayType"/> has, in a fixed order.</summary>
    public IReadOnlyList<SpaceDimension> DimensionsOf(string decayType) =>
        SpaceDimensions.Of(this, decayType);

    /// <summary>The dimensions shared by every decay branch (everything except the decay parameters).</summary>
    public IReadOnlyList<SpaceDimension> CommonDimensions => SpaceDimensions.Common(this);

    public DecayBranch Branch(string decayType) =>
        Decay.FirstOrDefault(b => b.Type == decayType)
        ?? throw new ArgumentException($"decay type '{decayType}' is not in the space", nameof(decayType));
}

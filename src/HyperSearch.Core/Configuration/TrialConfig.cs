namespace HyperSearch.Core.Configuration;

/// <summary>
/// One point of the search space: everything that decides the learning rate of a trial.
/// Stored as camelCase JSON on the trial (see ARCHITECTURE.md, "Trial config").
/// </summary>
public sealed record TrialConfig
{
    public required double InitialLr { get; init; }
    public required DecaySpec Decay { get; init; }
    public WarmupSpec? Warmup { get; init; }
    public OptimizerSpec? Optimizer { get; init; }
    public int? BatchSize { get; init; }

    /// <summary>Max global gradient L2 norm; null = no clipping.</summary>
    public double? GradClipNorm { get; init; }

    /// <summary>
    /// Per-layer multipliers of the scheduled LR, first layer first (e.g. [0.1, 1] trains the first
    /// layer ten times slower). Missing entries mean 1.
    /// </summary>
    public IReadOnlyList<double>? LayerLrMultipliers { get; init; }

    /// <summary>
    /// Free-form named numeric parameters from the space's <c>params</c> section (e.g. benchmark
    /// coordinates or workload knobs); null when the space has none.
    /// </summary>
    public IReadOnlyDictionary<string, double>? Params { get; init; }

    /// <summary>Set on the trials of a population-based-training search only (docs/pbt.md).</summary>
    public PbtLineage? Pbt { get; init; }
}

namespace HyperSearch.Core.Sampling;

/// <summary>TPE settings. Everything else is Optuna 3.1's default (docs/search-space.md).</summary>
public sealed record TpeOptions
{
    /// <summary>Finished trials (completed, diverged, pruned) drawn at random before TPE starts (Optuna's n_startup_trials).</summary>
    public int StartupTrials { get; init; } = 10;

    public static TpeOptions Default { get; } = new();
}

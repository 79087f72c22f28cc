namespace HyperSearch.Core.Pruning;

public static class PrunerFactory
{
    /// <returns>The pruner, or null for type "none".</returns>
    /// <exception cref="ArgumentException">An unknown type or out-of-range setting, naming the field.</exception>
    public static IPruner? Create(PrunerSpec spec) => spec.Type switch
    {
        "none" or "" => null,
        "median" => new MedianPruner(
            spec.StartupTrials >= 0 ? spec.StartupTrials : throw Invalid("startupTrials", "must be ≥ 0"),
            spec.WarmupSteps >= 0 ? spec.WarmupSteps : throw Invalid("warmupSteps", "must be ≥ 0")),
        "asha" => new AshaPruner(
            spec.ReductionFactor >= 2 ? spec.ReductionFactor : throw Invalid("reductionFactor", "must be ≥ 2"),
            spec.MinResource >= 1 ? spec.MinResource : throw Invalid("minResource", "must be ≥ 1")),
        "hyperband" => new HyperbandPruner(
            spec.ReductionFactor >= 2 ? spec.ReductionFactor : throw Invalid("reductionFactor", "must be ≥ 2"),
            spec.MinResource >= 1 ? spec.MinResource : throw Invalid("minResource", "must be ≥ 1"),
            spec.MaxResource >= spec.MinResource ? spec.MaxResource : throw Invalid("maxResource", "must be ≥ minResource")),
        _ => throw Invalid("type", $"unknown pruner '{spec.Type}'; use none, median, asha or hyperband"),
    };

    private static ArgumentException Invalid(string field, string message) =>
        new($"pruner.{field}: {message}", "spec");
}

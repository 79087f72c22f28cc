namespace HyperSearch.Core.Space;

/// <summary>
/// The trial parameters other than the decay's (those are in each type's
/// <see cref="Schedules.Decays.DecayDescriptor"/>): valid values and the default range the form offers.
/// </summary>
public static class TrialParameters
{
    private static readonly string[] OptimizerTypes = ["sgd", "adam", "adamW", "rmsProp", "adagrad"];

    public static ParamInfo InitialLr { get; } =
        new("initialLr", ParamKind.Float, new FloatDistribution(1e-4, 1, Log: true), Min: 0, MinExclusive: true, Required: true);

    /// <summary>Samples per batch at most: far above any built-in training set's use, far below what would exhaust memory.</summary>
    public const int MaxBatchSize = 65_536;

    /// <summary>
    /// The sanity bound of every <c>params</c> value (|x| ≤ 10⁶): <c>hidden: 1e9</c> is refused at launch.
    /// The workload checks its own, narrower range when a trial builds its model (docs/search-space.md).
    /// </summary>
    public const double MaxGenericParam = 1_000_000;

    public static ParamInfo BatchSize { get; } =
        new("batchSize", ParamKind.Int, CategoricalDistribution.Of(32, 64, 128), Min: 1, Max: MaxBatchSize);

    /// <summary>Entries of the free-form <c>params</c> section: any finite number within ±<see cref="MaxGenericParam"/>.</summary>
    public static ParamInfo Generic(string name) => new(name, ParamKind.Float, null, Min: -MaxGenericParam, Max: MaxGenericParam);

    public static IReadOnlyList<ParamInfo> Warmup { get; } =
    [
        // steps = 0 means "this trial has no warmup", so a range from 0 searches over using one.
        new("steps", ParamKind.Int, new IntDistribution(0, 5), Min: 0, Required: true),
        new("startFactor", ParamKind.Float, FixedDistribution.Of(0.1), Min: 0, MinExclusive: true, Max: 1),
    ];

    public static IReadOnlyList<ParamInfo> Optimizer { get; } =
    [
        new("type", ParamKind.Choice, FixedDistribution.Of("sgd"), Choices: OptimizerTypes),
        new("momentum", ParamKind.Float, FixedDistribution.Of(0.9), Min: 0, Max: 1, MaxExclusive: true),
        new("dampening", ParamKind.Float, null, Min: 0, Max: 1),
        new("nesterov", ParamKind.Bool, null),
        new("weightDecay", ParamKind.Float, null, Min: 0),
        new("beta1", ParamKind.Float, null, Min: 0, Max: 1, MaxExclusive: true),
        new("beta2", ParamKind.Float, null, Min: 0, Max: 1, MaxExclusive: true),
        new("eps", ParamKind.Float, null, Min: 0, MinExclusive: true),
        new("amsgrad", ParamKind.Bool, null),
        new("alpha", ParamKind.Float, null, Min: 0, Max: 1, MaxExclusive: true),
        new("centered", ParamKind.Bool, null),
        new("lrDecay", ParamKind.Float, null, Min: 0),
        new("initialAccumulatorValue", ParamKind.Float, null, Min: 0),
    ];
}

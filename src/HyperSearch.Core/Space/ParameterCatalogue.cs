using HyperSearch.Core.Configuration;

namespace HyperSearch.Core.Space;

/// <summary>
/// Every parameter a space may name, with its valid values and the default range the launch form
/// offers. Decay parameter names are PyTorch's constructor arguments in camelCase, exactly the
/// properties of <see cref="DecaySpec"/>'s records.
/// </summary>
public static class ParameterCatalogue
{
    private static readonly string[] OptimizerTypes = ["sgd", "adam", "adamW", "rmsProp", "adagrad"];

    public static ParamInfo InitialLr { get; } =
        new("initialLr", ParamKind.Float, new FloatDistribution(1e-4, 1, Log: true), Min: 0, MinExclusive: true, Required: true);

    public static ParamInfo BatchSize { get; } =
        new("batchSize", ParamKind.Int, CategoricalDistribution.Of(32, 64, 128), Min: 1);

    /// <summary>Entries of the free-form <c>params</c> section: any finite number.</summary>
    public static ParamInfo Generic(string name) => new(name, ParamKind.Float, null);

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
        new("nesterov", ParamKind.Bool, null),
        new("weightDecay", ParamKind.Float, null, Min: 0),
        new("beta1", ParamKind.Float, null, Min: 0, Max: 1, MaxExclusive: true),
        new("beta2", ParamKind.Float, null, Min: 0, Max: 1, MaxExclusive: true),
        new("eps", ParamKind.Float, null, Min: 0, MinExclusive: true),
        new("alpha", ParamKind.Float, null, Min: 0, Max: 1),
    ];

    /// <summary>The parameters of each decay type, in the order the form shows them.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<ParamInfo>> Decay { get; } =
        new Dictionary<string, IReadOnlyList<ParamInfo>>
        {
            [DecayTypes.Constant] = [],
            [DecayTypes.Step] =
            [
                new("stepSize", ParamKind.Int, new IntDistribution(5, 30), Min: 1, Required: true),
                Gamma(new FloatDistribution(0.1, 0.9)),
            ],
            [DecayTypes.MultiStep] =
            [
                new("milestones", ParamKind.IntList, CategoricalDistribution.Of(new[] { 10, 20 }, new[] { 20, 30 }, new[] { 10, 20, 30 }), Required: true),
                Gamma(new FloatDistribution(0.1, 0.9)),
            ],
            [DecayTypes.Exponential] = [Gamma(new FloatDistribution(0.8, 0.99)) with { Required = true }],
            [DecayTypes.Cosine] =
            [
                new("tMax", ParamKind.Int, new IntDistribution(10, 100), Min: 1, Required: true),
                EtaMin(),
            ],
            [DecayTypes.CosineWarmRestarts] =
            [
                new("t0", ParamKind.Int, new IntDistribution(5, 30), Min: 1, Required: true),
                new("tMult", ParamKind.Int, CategoricalDistribution.Of(1, 2), Min: 1),
                EtaMin(),
            ],
            [DecayTypes.Polynomial] =
            [
                new("totalIters", ParamKind.Int, new IntDistribution(10, 100), Min: 1),
                new("power", ParamKind.Float, new FloatDistribution(0.5, 3), Min: 0, MinExclusive: true),
            ],
            [DecayTypes.Linear] =
            [
                new("startFactor", ParamKind.Float, FixedDistribution.Of(1.0), Min: 0, MinExclusive: true, Max: 1),
                new("endFactor", ParamKind.Float, new FloatDistribution(0.0, 0.5), Min: 0, Max: 1),
                new("totalIters", ParamKind.Int, new IntDistribution(10, 100), Min: 1),
            ],
            [DecayTypes.InverseTime] =
            [
                new("decayRate", ParamKind.Float, new FloatDistribution(1e-3, 1, Log: true), Min: 0, Required: true),
            ],
            [DecayTypes.OneCycle] =
            [
                new("maxLr", ParamKind.Float, null, Min: 0, MinExclusive: true),
                new("totalSteps", ParamKind.Int, FixedDistribution.Of(100), Min: 1, Required: true),
                new("pctStart", ParamKind.Float, new FloatDistribution(0.1, 0.5), Min: 0, MinExclusive: true, Max: 1, MaxExclusive: true),
                new("annealStrategy", ParamKind.Choice, CategoricalDistribution.Of("cos", "linear"), Choices: ["cos", "linear"]),
                new("divFactor", ParamKind.Float, new FloatDistribution(5, 50, Log: true), Min: 0, MinExclusive: true),
                new("finalDivFactor", ParamKind.Float, new FloatDistribution(1e2, 1e5, Log: true), Min: 0, MinExclusive: true),
                new("threePhase", ParamKind.Bool, FixedDistribution.Of(false)),
            ],
            [DecayTypes.Cyclic] =
            [
                new("baseLr", ParamKind.Float, null, Min: 0, MinExclusive: true),
                new("maxLr", ParamKind.Float, new FloatDistribution(1e-3, 1, Log: true), Min: 0, MinExclusive: true, Required: true),
                new("stepSizeUp", ParamKind.Int, new IntDistribution(2, 20), Min: 1),
                new("stepSizeDown", ParamKind.Int, null, Min: 1),
                new("mode", ParamKind.Choice, CategoricalDistribution.Of("triangular", "triangular2", "expRange"), Choices: ["triangular", "triangular2", "expRange"]),
                Gamma(new FloatDistribution(0.9, 1.0)),
            ],
            [DecayTypes.ReduceOnPlateau] =
            [
                new("factor", ParamKind.Float, new FloatDistribution(0.1, 0.5), Min: 0, MinExclusive: true, Max: 1, MaxExclusive: true),
                new("patience", ParamKind.Int, new IntDistribution(2, 10), Min: 0),
                new("threshold", ParamKind.Float, FixedDistribution.Of(1e-4), Min: 0),
                new("thresholdMode", ParamKind.Choice, FixedDistribution.Of("rel"), Choices: ["rel", "abs"]),
                new("cooldown", ParamKind.Int, FixedDistribution.Of(0), Min: 0),
                new("minLr", ParamKind.Float, FixedDistribution.Of(0.0), Min: 0),
            ],
        };

    /// <summary>The branch the form pre-fills for a decay type: every parameter that has a default range.</summary>
    public static DecayBranch DefaultBranch(string decayType) =>
        new(decayType, Decay[decayType].Where(p => p.Default is not null).Select(p => new SpaceParam(p.Name, p.Default!)).ToArray());

    /// <summary>A ready-to-use space over every decay type with the default ranges.</summary>
    public static SearchSpace DefaultSpace() => new()
    {
        InitialLr = InitialLr.Default!,
        Decay = DecayTypes.All.Select(DefaultBranch).ToArray(),
    };

    private static ParamInfo Gamma(Distribution d) =>
        new("gamma", ParamKind.Float, d, Min: 0, MinExclusive: true, Max: 1);

    private static ParamInfo EtaMin() => new("etaMin", ParamKind.Float, FixedDistribution.Of(0.0), Min: 0);
}

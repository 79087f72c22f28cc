using System.Text.Json.Nodes;
using HyperSearch.Core.Configuration;
using HyperSearch.Core.Importance;
using HyperSearch.Core.Sampling;
using HyperSearch.Core.Space;
using HyperSearch.Core.Trials;
using static HyperSearch.Core.Tests.Sampling.SamplingFixtures;

namespace HyperSearch.Core.Tests.Space;

/// <summary>Conditional <c>params</c> (issue 30): reading, validation, and what grid, TPE, PBT and importance make of them.</summary>
public sealed class ConditionalSpaceTests
{
    private static IReadOnlyList<string> Errors(string paramsJson) =>
        SearchSpaceJson.Parse($$"""{ "initialLr": 0.1, "params": {{paramsJson}} }""").Errors.Select(e => e.ToString()).ToList();

    [Fact]
    public void Parse_Conditions_ReadAndWrittenBack()
    {
        var space = Parse("""
            { "initialLr": 0.1, "params": {
                "cell": [0, 1],
                "n_layers": { "type": "int", "low": 1, "high": 3 },
                "gru_bias": { "low": 0, "high": 1, "when": { "cell": [1], "n_layers": { "min": 2, "max": 3 } } } } }
            """);

        var when = space.Params![2].When!;
        Assert.Equal(["cell in {1}", "2 ≤ n_layers ≤ 3"], when.Select(c => c.ToString()));
        var again = Parse(SearchSpaceJson.Serialize(space));
        Assert.Equal(SearchSpaceJson.Serialize(space), SearchSpaceJson.Serialize(again));
        Assert.Equal(2, again.Params![2].When!.Count);
    }

    [Theory]
    [InlineData("""{ "a": [1, 2], "b": { "low": 0, "high": 1, "when": { "aa": [1] } } }""", "params.b.when.aa: unknown parameter; a condition names an earlier params entry (a)")]
    [InlineData("""{ "b": { "low": 0, "high": 1, "when": { "a": [1] } }, "a": [1, 2] }""", "params.b.when.a: a must come before this entry in params: a condition reads a value already drawn")]
    [InlineData("""{ "b": { "low": 0, "high": 1, "when": { "b": [1] } } }""", "params.b.when.b: unknown parameter; a condition names an earlier params entry (there is none)")]
    [InlineData("""{ "a": { "type": "int", "low": 1, "high": 3 }, "b": { "low": 0, "high": 1, "when": { "a": { "min": 4 } } } }""", "params.b.when.a: never holds: a takes integers in [1, 3]")]
    [InlineData("""{ "a": [1, 2], "b": { "low": 0, "high": 1, "when": { "a": [3] } } }""", "params.b.when.a: never holds: a takes {1, 2}")]
    [InlineData("""{ "a": [1, 2], "b": { "low": 0, "high": 1, "when": { "a": { "min": 2, "max": 1 } } } }""", "params.b.when.a.min: must be ≤ max (1)")]
    [InlineData("""{ "a": [1, 2], "b": { "low": 0, "high": 1, "when": { "a": { "atLeast": 2 } } } }""", "params.b.when.a.atLeast: unknown field; known: min, max (inclusive)")]
    [InlineData("""{ "a": [1, 2], "b": { "low": 0, "high": 1, "when": { "a": { "min": "2" } } } }""", "params.b.when.a.min: must be a finite number")]
    [InlineData("""{ "a": [1, 2], "b": { "low": 0, "high": 1, "when": { "a": [] } } }""", "params.b.when.a: must list at least one value of the parent")]
    [InlineData("""{ "a": [1, 2], "b": { "low": 0, "high": 1, "when": {} } }""", "params.b.when: must be an object naming at least one earlier params entry, e.g. { \"n_layers\": { \"min\": 3 } }")]
    [InlineData("""{ "a": [1, 2], "b": { "low": 0, "high": 1, "when": { "a": 1 } } }""", "params.b.when.a: must be an array of the parent's values or { \"min\": …, \"max\": … }")]
    public void Parse_BadCondition_RefusedNamingTheField(string paramsJson, string error)
    {
        Assert.Equal([error], Errors(paramsJson));
    }

    [Fact]
    public void Grid_Conditional_EveryDistinctPointOnceAndNoInactiveParameter()
    {
        var space = Parse("""
            { "initialLr": 0.1, "params": {
                "n_layers": { "type": "int", "low": 1, "high": 3 },
                "u0": { "type": "int", "low": 4, "high": 128 },
                "u1": { "type": "int", "low": 4, "high": 128, "when": { "n_layers": { "min": 2 } } },
                "u2": { "type": "int", "low": 4, "high": 128, "when": { "n_layers": { "min": 3 } } } } }
            """);

        // n_layers = 1: 3 widths; 2: 3·3; 3: 3·3·3 — not 3⁴ = 81 with u1 and u2 drawn where they do not exist.
        Assert.Equal(39, GridSampler.Count(space, 3));
        var configs = Drive(new GridSampler(3), space, 100, seed: 0, objective: _ => 0);
        Assert.Equal(39, configs.Count);
        Assert.Equal(39, configs.Select(ToJson).Distinct().Count());
        Assert.All(configs, c => Assert.Equal((int)c.Params!["n_layers"] + 1, c.Params.Count));
    }

    [Fact]
    public void Grid_WithoutConditions_SameOrderAsTheProduct()
    {
        var space = Parse("""{ "initialLr": [0.1, 0.2], "params": { "a": [1, 2], "b": [3, 4, 5] } }""");

        var points = Drive(new GridSampler(3), space, 20, seed: 0, objective: _ => 0).Select(c => (c.InitialLr, c.Params!["a"], c.Params["b"])).ToList();

        Assert.Equal(12, points.Count);
        Assert.Equal((0.1, 1.0, 3.0), points[0]);
        Assert.Equal((0.1, 1.0, 4.0), points[1]);
        Assert.Equal((0.1, 2.0, 3.0), points[3]);
        Assert.Equal((0.2, 1.0, 3.0), points[6]);
    }

    [Fact]
    public void Grid_ConditionsOnManyFineParents_CountSaturatesInsteadOfEnumeratingForever()
    {
        var space = Parse("""
            { "initialLr": 0.1, "params": {
                "a": { "type": "int", "low": 1, "high": 1000 }, "b": { "type": "int", "low": 1, "high": 1000 }, "c": { "type": "int", "low": 1, "high": 1000 },
                "d": { "low": 0, "high": 1, "when": { "a": { "min": 1 }, "b": { "min": 1 }, "c": { "min": 1 } } } } }
            """);

        Assert.Equal(long.MaxValue, GridSampler.Count(space, 1000));
        Assert.NotNull(new GridSampler(1000).Point(space, 5000));
    }

    [Fact]
    public void Tpe_ConditionalParameter_ModelledOnlyOnTheTrialsThatHadIt()
    {
        var history = Drive(new RandomSampler(), PytorchSimpleSpace, 40, seed: 5, objective: PytorchSimpleObjective)
            .Select((c, i) => new TrialSnapshot(i + 1, c, TrialState.Completed, PytorchSimpleObjective(c))).ToList();
        var split = new TpeSplit(TpeObservation.From(PytorchSimpleSpace, history, ObjectiveDirection.Minimize));
        var dim = TpeDimension.Of(PytorchSimpleSpace.CommonDimensions.Single(d => d.Path == "params.n_units_l2"))!;

        var (below, above) = split.Estimators(dim);

        // One kernel per observation plus the prior: the observations are the trials with three layers, no others.
        var threeLayers = (split.Below.Count(o => IsThree(o)), split.Above.Count(o => IsThree(o)));
        Assert.True(threeLayers.Item1 + threeLayers.Item2 is > 5 and < 35, $"{threeLayers}");
        Assert.Equal(threeLayers, (below.Weights.Length - 1, above.Weights.Length - 1));

        static bool IsThree(TpeObservation o) => SpaceValues.AsNumber(o.Values["params.n_layers"]) == 3;
    }

    [Fact]
    public void Tpe_AfterStartup_ConcentratesOnTheBestLayerCount()
    {
        var configs = Drive(new TpeSampler(), PytorchSimpleSpace, 60, seed: 9, objective: PytorchSimpleObjective);

        var lastTwenty = configs.Skip(40).Count(c => c.Params!["n_layers"] == 2);
        Assert.True(lastTwenty >= 10, $"only {lastTwenty} of the last 20 trials chose the best layer count");
    }

    [Fact]
    public void FromConfig_InactiveParameterStrayInTheConfig_IgnoredAndActiveOneMissing_DoesNotFit()
    {
        var one = new TrialConfig { InitialLr = 0.01, Decay = new ConstantDecay(), Params = new Dictionary<string, double> { ["n_layers"] = 1, ["n_units_l0"] = 8, ["dropout_l0"] = 0.3, ["n_units_l2"] = 50 } };
        var three = one with { Params = new Dictionary<string, double> { ["n_layers"] = 3, ["n_units_l0"] = 8, ["dropout_l0"] = 0.3 } };

        var point = SpacePoint.FromConfig(PytorchSimpleSpace, one)!;

        Assert.False(point.Values.ContainsKey("params.n_units_l2"));
        Assert.Equal(["dropout_l0", "n_layers", "n_units_l0"], point.ToConfig(PytorchSimpleSpace).Params!.Keys.Order());
        Assert.Null(SpacePoint.FromConfig(PytorchSimpleSpace, three));
    }

    [Fact]
    public void Importance_ConditionalParameter_CountedOnlyOverTheTrialsWhereItExisted()
    {
        var configs = Drive(new RandomSampler(), PytorchSimpleSpace, 60, seed: 3, objective: PytorchSimpleObjective);

        var report = ImportanceAnalyzer.Analyze(PytorchSimpleSpace, configs.Select(c => (c, PytorchSimpleObjective(c))).ToList());

        var withThree = configs.Count(c => c.Params!["n_layers"] == 3);
        var withTwoOrMore = configs.Count(c => c.Params!["n_layers"] >= 2);
        Assert.Equal(withThree, report.Parameters.Single(p => p.Parameter == "params.dropout_l2").Trials);
        Assert.Equal(withTwoOrMore, report.Parameters.Single(p => p.Parameter == "params.n_units_l1").Trials);
        Assert.Equal(60, report.Parameters.Single(p => p.Parameter == "params.n_layers").Trials);
    }

    [Fact]
    public void Pbt_ConditionalSpace_PerturbedMembersKeepTheirParametersExactlyWhereActive()
    {
        var space = Parse(SearchSpaceJson.Serialize(PytorchSimpleSpace).Replace("\"decay\"", "\"pbt\": { \"population\": 4, \"interval\": 2 }, \"decay\"", StringComparison.Ordinal));
        var configs = Drive(new HyperSearch.Core.Pbt.PbtSampler(epochs: 8), space, 16, seed: 2, objective: PytorchSimpleObjective);

        Assert.Equal(16, configs.Count);
        Assert.All(configs, c => Assert.Equal(1 + 2 * (int)c.Params!["n_layers"], c.Params.Count));
    }
}

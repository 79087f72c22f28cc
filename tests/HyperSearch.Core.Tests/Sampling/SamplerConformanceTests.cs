using HyperSearch.Core.Schedules.Decays;
using System.Text.Json;
using HyperSearch.Core.Configuration;
using HyperSearch.Core.Json;
using HyperSearch.Core.Sampling;
using HyperSearch.Core.Space;
using HyperSearch.Core.Trials;
using static HyperSearch.Core.Tests.Sampling.SamplingFixtures;

namespace HyperSearch.Core.Tests.Sampling;

/// <summary>What every sampler must do; one derived class per sampler runs all of it.</summary>
public abstract class SamplerConformanceTests
{
    protected abstract ISampler Create();

    /// <summary>Whether different seeds give different sequences (a grid ignores the seed).</summary>
    protected virtual bool UsesSeed => true;

    [Fact]
    public void Sample_SearchOf40Trials_EveryConfigInsideSpace()
    {
        var configs = Drive(Create(), ConditionalSpace, 40, seed: 1);

        Assert.Equal(40, configs.Count);
        Assert.All(configs, c => SpaceAssert.Contains(ConditionalSpace, c));
    }

    [Fact]
    public void Sample_AnyBranch_DecayCarriesOnlyItsOwnParameters()
    {
        var configs = Drive(Create(), ConditionalSpace, 40, seed: 2);

        foreach (var config in configs)
        {
            var decay = JsonSerializer.SerializeToNode(config, HyperJson.Options)!["decay"]!.AsObject();
            var own = DecayCatalog.Find(config.Decay.Type)!.Parameters.Select(p => p.Name).Append("type");
            Assert.All(decay.Select(p => p.Key), key => Assert.Contains(key, own));
        }
    }

    [Fact]
    public void Sample_ConditionalParams_PresentExactlyWhereTheirConditionHolds()
    {
        // Optuna's pytorch_simple: n_units_l{i} and dropout_l{i} exist only for i < n_layers.
        var configs = Drive(Create(), PytorchSimpleSpace, 30, seed: 4, objective: PytorchSimpleObjective);

        Assert.Equal(30, configs.Count);
        foreach (var config in configs)
        {
            var ps = config.Params!;
            var layers = (int)ps["n_layers"];
            Assert.InRange(layers, 1, 3);
            var expected = new[] { "n_layers" }.Concat(Enumerable.Range(0, layers).SelectMany(i => new[] { $"n_units_l{i}", $"dropout_l{i}" })).Order();
            Assert.Equal(expected, ps.Keys.Order());
            Assert.All(ps.Where(p => p.Key.StartsWith("n_units", StringComparison.Ordinal)), p => Assert.InRange(p.Value, 4, 128));
            Assert.All(ps.Where(p => p.Key.StartsWith("dropout", StringComparison.Ordinal)), p => Assert.InRange(p.Value, 0.2, 0.5));
        }
        // Both ways exercised (a grid's first 30 points and PBT's population do not reach every layer count).
        Assert.True(configs.Select(c => c.Params!["n_layers"]).Distinct().Count() >= 2);
    }

    [Fact]
    public void Sample_SameSeed_SameSequence()
    {
        var first = Drive(Create(), ConditionalSpace, 30, seed: 7).Select(ToJson);
        var second = Drive(Create(), ConditionalSpace, 30, seed: 7).Select(ToJson);

        Assert.Equal(first, second);
    }

    [Fact]
    public void Sample_DifferentSeed_DiffersExactlyWhenSamplerUsesSeed()
    {
        var first = Drive(Create(), ConditionalSpace, 20, seed: 7).Select(ToJson).ToList();
        var second = Drive(Create(), ConditionalSpace, 20, seed: 8).Select(ToJson).ToList();

        Assert.Equal(!UsesSeed, first.SequenceEqual(second));
    }

    [Theory]
    [InlineData(TrialState.Failed)]
    [InlineData(TrialState.Running)]
    [InlineData(TrialState.Queued)]
    [InlineData(TrialState.Diverged)]
    [InlineData(TrialState.Pruned)]
    public void Sample_HistoryAllInOneState_ReturnsConfigInsideSpace(TrialState state)
    {
        var sampler = Create();
        var history = Drive(new RandomSampler(), ConditionalSpace, 25, seed: 3)
            .Select((c, i) => new TrialSnapshot(i + 1, c, state, state == TrialState.Pruned ? Objective(c) : null))
            .ToList();

        var config = sampler.Sample(ConditionalSpace, history, new SamplingContext(26, 3, ObjectiveDirection.Minimize));

        Assert.NotNull(config);
        SpaceAssert.Contains(ConditionalSpace, config);
    }

    [Fact]
    public void Sample_EmptyHistory_ReturnsConfigInsideSpace()
    {
        var config = Create().Sample(ConditionalSpace, [], new SamplingContext(1, 0, ObjectiveDirection.Minimize));

        Assert.NotNull(config);
        SpaceAssert.Contains(ConditionalSpace, config);
    }

    [Fact]
    public void Sample_NonFiniteValuesAndMaximize_ReturnsConfigsInsideSpace()
    {
        var configs = Drive(Create(), ConditionalSpace, 30, seed: 4,
            objective: c => c.Decay is ConstantDecay ? double.NaN : Objective(c),
            direction: ObjectiveDirection.Maximize);

        Assert.All(configs, c => SpaceAssert.Contains(ConditionalSpace, c));
    }

    [Fact]
    public void Sample_ForeignConfigsInHistory_Ignored()
    {
        var foreign = new TrialConfig { InitialLr = 5, Decay = new OneCycleDecay { TotalSteps = 10 } };
        var history = Enumerable.Range(1, 15).Select(i => new TrialSnapshot(i, foreign, TrialState.Completed, i)).ToList();

        var config = Create().Sample(ConditionalSpace, history, new SamplingContext(16, 5, ObjectiveDirection.Minimize));

        SpaceAssert.Contains(ConditionalSpace, config!);
    }
}

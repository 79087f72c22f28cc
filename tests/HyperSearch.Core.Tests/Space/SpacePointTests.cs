using System.Text.Json.Nodes;
using HyperSearch.Core.Configuration;
using HyperSearch.Core.Space;

namespace HyperSearch.Core.Tests.Space;

public class SpacePointTests
{
    private static readonly SearchSpace Space = SearchSpaceJson.Parse("""
        { "initialLr": { "low": 1e-4, "high": 1 },
          "decay": { "step": { "stepSize": { "low": 5, "high": 30 }, "gamma": { "low": 0.1, "high": 0.9 } } },
          "warmup": { "steps": { "low": 0, "high": 5 }, "startFactor": { "low": 0.05, "high": 0.5 } },
          "optimizer": { "type": ["sgd", "adamW"] },
          "params": { "x": [1, 2] } }
        """).Space!;

    private static SpacePoint Point(int warmupSteps) => new("step", new Dictionary<string, JsonNode>
    {
        ["initialLr"] = 0.01, ["warmup.steps"] = warmupSteps, ["warmup.startFactor"] = 0.2,
        ["optimizer.type"] = "adamW", ["params.x"] = 2, ["decay.step.stepSize"] = 7, ["decay.step.gamma"] = 0.5,
    });

    [Fact]
    public void ToConfig_FullPoint_FillsEverySection()
    {
        var config = Point(3).ToConfig(Space);

        Assert.Equal(0.01, config.InitialLr);
        Assert.Equal(new StepDecay { StepSize = 7, Gamma = 0.5 }, config.Decay);
        Assert.Equal(new WarmupSpec { Steps = 3, StartFactor = 0.2 }, config.Warmup);
        Assert.Equal(OptimizerType.AdamW, config.Optimizer!.Type);
        Assert.Equal(2, config.Params!["x"]);
    }

    [Fact]
    public void ToConfig_ZeroWarmupSteps_OmitsWarmup()
    {
        Assert.Null(Point(0).ToConfig(Space).Warmup);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(0)]
    public void FromConfig_SampledConfig_ReadsThePointBack(int warmupSteps)
    {
        var back = SpacePoint.FromConfig(Space, Point(warmupSteps).ToConfig(Space))!;

        Assert.Equal("step", back.DecayType);
        Assert.Equal(warmupSteps, SpaceValues.AsNumber(back.Values["warmup.steps"]));
        Assert.Equal(0.5, SpaceValues.AsNumber(back.Values["decay.step.gamma"]));
        Assert.Equal("adamW", back.Values["optimizer.type"].GetValue<string>());
    }

    [Fact]
    public void FromConfig_DecayTypeNotInSpace_ReturnsNull()
    {
        var config = new TrialConfig { InitialLr = 0.1, Decay = new CosineDecay { TMax = 10 } };

        Assert.Null(SpacePoint.FromConfig(Space, config));
    }
}

using System.Text.Json;
using HyperSearch.Core.Configuration;
using HyperSearch.Core.Json;

namespace HyperSearch.Core.Tests.Configuration;

public class TrialConfigJsonTests
{
    [Fact]
    public void Deserialize_ArchitectureExample_ReadsEveryPart()
    {
        const string json = """
            { "initialLr": 0.05,
              "decay":  { "type": "cosine", "tMax": 30, "etaMin": 0.0 },
              "warmup": { "steps": 3, "startFactor": 0.1 },
              "optimizer": { "type": "sgd", "momentum": 0.9 } }
            """;

        var config = JsonSerializer.Deserialize<TrialConfig>(json, HyperJson.Options)!;

        Assert.Equal(0.05, config.InitialLr);
        var cosine = Assert.IsType<CosineDecay>(config.Decay);
        Assert.Equal(30, cosine.TMax);
        Assert.Equal(3, config.Warmup!.Steps);
        Assert.Equal(OptimizerType.Sgd, config.Optimizer!.Type);
        Assert.Equal(0.9, config.Optimizer.Momentum);
    }

    [Fact]
    public void Serialize_RoundTrip_KeepsDiscriminatorAndValues()
    {
        var config = new TrialConfig
        {
            InitialLr = 0.1,
            Decay = new MultiStepDecay { Milestones = [10, 20], Gamma = 0.5 },
            Optimizer = new OptimizerSpec { Type = OptimizerType.AdamW, WeightDecay = 0.01 },
        };

        var json = JsonSerializer.Serialize(config, HyperJson.Options);
        var back = JsonSerializer.Deserialize<TrialConfig>(json, HyperJson.Options)!;

        Assert.Contains("\"type\":\"multiStep\"", json);
        Assert.Contains("\"type\":\"adamW\"", json);
        Assert.Equal(new[] { 10, 20 }, ((MultiStepDecay)back.Decay).Milestones);
        Assert.Equal(config.Optimizer, back.Optimizer);
    }

    [Fact]
    public void Deserialize_GradientClipping_ReadsNormAndValue()
    {
        const string json = """{ "initialLr": 0.1, "decay": { "type": "constant" }, "gradClipNorm": 1.5, "gradClipValue": 0.25 }""";

        var config = JsonSerializer.Deserialize<TrialConfig>(json, HyperJson.Options)!;

        Assert.Equal(1.5, config.GradClipNorm);
        Assert.Equal(0.25, config.GradClipValue);
    }

    [Fact]
    public void Deserialize_TypeAfterParameters_StillResolvesDecay()
    {
        const string json = """{ "initialLr": 0.1, "decay": { "gamma": 0.9, "type": "exponential" } }""";

        var config = JsonSerializer.Deserialize<TrialConfig>(json, HyperJson.Options)!;

        Assert.Equal(0.9, Assert.IsType<ExponentialDecay>(config.Decay).Gamma);
    }

    [Fact]
    public void Deserialize_UnknownDecayType_Throws()
    {
        const string json = """{ "initialLr": 0.1, "decay": { "type": "banana" } }""";

        Assert.ThrowsAny<JsonException>(() => JsonSerializer.Deserialize<TrialConfig>(json, HyperJson.Options));
    }
}

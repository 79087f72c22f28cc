using HyperSearch.Core.Configuration;
using HyperSearch.Core.Schedules.Decays;
using HyperSearch.Core.Space;

namespace HyperSearch.Core.Tests.Space;

public class SearchSpaceJsonTests
{
    private const string HandWritten = """
        {
          // comments and trailing commas are fine in hand-written files
          "initialLr": { "low": 1e-4, "high": 1 },
          "decay": {
            "step": { "stepSize": { "low": 5, "high": 30 }, "gamma": { "low": 0.1, "high": 0.9 } },
            "cosine": { "tMax": 50, "etaMin": [0, 1e-5] },
            "multiStep": { "milestones": [[10, 20], [30, 60]], "gamma": 0.5 },
            "constant": {},
          },
          "warmup": { "steps": { "low": 0, "high": 5 }, "startFactor": 0.1 },
          "optimizer": { "type": ["sgd", "adam"], "momentum": { "type": "float", "low": 0.8, "high": 0.99, "step": 0.01 } },
          "batchSize": [32, 64, 128],
          "params": { "x": { "low": -5, "high": 10 } }
        }
        """;

    [Fact]
    public void Parse_HandWrittenShorthands_ReadsEveryPart()
    {
        var (space, errors) = SearchSpaceJson.Parse(HandWritten);

        Assert.Empty(errors);
        Assert.Equal(new FloatDistribution(1e-4, 1, Log: true), space!.InitialLr);
        Assert.Equal(["step", "cosine", "multiStep", "constant"], space.Decay.Select(b => b.Type));
        var step = space.Branch("step");
        Assert.Equal(new IntDistribution(5, 30), step.Params[0].Distribution);
        Assert.Equal(new FloatDistribution(0.1, 0.9), step.Params[1].Distribution);
        Assert.IsType<FixedDistribution>(space.Branch("cosine").Params[0].Distribution);
        Assert.Equal(2, Assert.IsType<CategoricalDistribution>(space.Branch("cosine").Params[1].Distribution).Choices.Count);
        Assert.Equal(2, Assert.IsType<CategoricalDistribution>(space.Branch("multiStep").Params[0].Distribution).Choices.Count);
        Assert.Equal(new FloatDistribution(0.8, 0.99, Step: 0.01), space.Optimizer![1].Distribution);
        Assert.Equal(3, Assert.IsType<CategoricalDistribution>(space.BatchSize).Choices.Count);
        Assert.Equal(new FloatDistribution(-5, 10), space.Params![0].Distribution);
    }

    [Fact]
    public void Serialize_ParsedSpace_RoundTripsToEqualSerialization()
    {
        var (space, _) = SearchSpaceJson.Parse(HandWritten);

        var json = SearchSpaceJson.Serialize(space!);
        var (again, errors) = SearchSpaceJson.Parse(json);

        Assert.Empty(errors);
        Assert.Equal(json, SearchSpaceJson.Serialize(again!));
        Assert.Contains("\"type\": \"categorical\"", json);
    }

    [Fact]
    public void Parse_DecayAsNameList_UsesCatalogueDefaults()
    {
        var (space, errors) = SearchSpaceJson.Parse("""{ "initialLr": { "low": 0.001, "high": 0.1 }, "decay": ["step", "cosine"] }""");

        Assert.Empty(errors);
        Assert.Equal(DecayCatalog.Find("step")!.DefaultBranch(), space!.Decay[0], BranchComparer.Instance);
    }

    [Fact]
    public void Parse_NoDecay_SearchesConstantScheduleOnly()
    {
        var (space, errors) = SearchSpaceJson.Parse("""{ "initialLr": { "low": 1e-4, "high": 0.1 } }""");

        Assert.Empty(errors);
        Assert.Equal(["constant"], space!.Decay.Select(b => b.Type));
    }

    [Fact]
    public void Serialize_DefaultSpace_ParsesBackWithoutErrors()
    {
        var (space, errors) = SearchSpaceJson.Parse(SearchSpaceJson.Serialize(DecayCatalog.DefaultSpace()));

        Assert.Empty(errors);
        Assert.Equal(DecayTypes.All.Count, space!.Decay.Count);
    }

    [Theory]
    [InlineData("""{ "initialLr": { "low": 1, "high": 0.1 }, "decay": ["constant"] }""", "initialLr.low", "must be ≤ high (0.1)")]
    [InlineData("""{ "initialLr": { "low": 0, "high": 1, "log": true }, "decay": ["constant"] }""", "initialLr.low", "must be > 0 on a log scale")]
    [InlineData("""{ "initialLr": 0.1, "decay": { "step": { "stepSize": { "low": 0, "high": 10 } } } }""", "decay.step.stepSize.low", "must be ≥ 1")]
    [InlineData("""{ "initialLr": 0.1, "decay": { "step": { "stepSize": 5, "gamma": { "low": 0.5, "high": 1.5 } } } }""", "decay.step.gamma.high", "must be ≤ 1")]
    [InlineData("""{ "initialLr": 0.1, "decay": { "step": { "stepSize": 5, "gamma": 0 } } }""", "decay.step.gamma", "must be > 0")]
    [InlineData("""{ "initialLr": 0.1, "decay": { "exponential": { "gamma": { "low": 0.1, "high": 0.9, "step": 0 } } } }""", "decay.exponential.gamma.step", "must be > 0")]
    [InlineData("""{ "initialLr": 0.1, "decay": { "exponential": { "gamma": { "low": 0.1, "high": 0.9, "step": -0.1 } } } }""", "decay.exponential.gamma.step", "must be > 0")]
    [InlineData("""{ "initialLr": 0.1, "decay": { "cosine": { "tMax": [] } } }""", "decay.cosine.tMax", "choices must not be empty")]
    [InlineData("""{ "initialLr": 0.1, "decay": { "cosine": { "tMax": { "choices": [] } } } }""", "decay.cosine.tMax", "choices must not be empty")]
    [InlineData("""{ "initialLr": 0.1, "decay": { "banana": {} } }""", "decay.banana", "unknown decay type 'banana'")]
    [InlineData("""{ "initialLr": 0.1, "decay": { "cosine": { "tMax": 5, "gamma": 0.5 } } }""", "decay.cosine.gamma", "unknown parameter of cosine; known: tMax, etaMin")]
    [InlineData("""{ "initialLr": { "low": "NaN", "high": 1 }, "decay": ["constant"] }""", "initialLr.low", "must be a finite number")]
    [InlineData("""{ "initialLr": { "low": 1e-3, "high": 1e999 }, "decay": ["constant"] }""", "initialLr.high", "must be a finite number")]
    [InlineData("""{ "initialLr": { "low": "a", "high": 1 }, "decay": ["constant"] }""", "initialLr.low", "must be a number")]
    [InlineData("""{ "decay": ["constant"] }""", "initialLr", "required")]
    [InlineData("""{ "initialLr": 0.1, "decay": { "cosine": {} } }""", "decay.cosine.tMax", "required")]
    [InlineData("""{ "initialLr": 0.1, "decay": { "cosine": { "tMax": { "low": 5.5, "high": 10 } } } }""", "decay.cosine.tMax.low", "must be an integer")]
    [InlineData("""{ "initialLr": 0.1, "decay": { "cyclic": { "maxLr": 1, "mode": "zigzag" } } }""", "decay.cyclic.mode", "must be one of triangular, triangular2, expRange")]
    [InlineData("""{ "initialLr": 0.1, "decay": { "multiStep": { "milestones": [20, 10] } } }""", "decay.multiStep.milestones", "must be a non-empty, strictly increasing list of positive integers")]
    [InlineData("""{ "initialLr": 0.1, "decay": ["constant"], "extra": 1 }""", "extra", "unknown field")]
    [InlineData("""{ "initialLr": { "low": 0.1, "high": 1, "lwo": 3 }, "decay": ["constant"] }""", "initialLr.lwo", "unknown field")]
    [InlineData("""{ "initialLr": { "low": 0.01, "high": 1, "step": 0.1 }, "decay": ["constant"] }""", "initialLr.step", "cannot be combined with log")]
    [InlineData("""{ "initialLr": true, "decay": ["constant"] }""", "initialLr", "must be a number")]
    [InlineData("""{ "initialLr": 0.1, "decay": {} }""", "decay", "must name at least one decay type")]
    [InlineData("""{ "initialLr": 0.1, "decay": "step" }""", "decay", "must be an object")]
    [InlineData("""[1, 2]""", "$", "a search space must be a JSON object")]
    [InlineData("""{ "initialLr": """, "$", "not valid JSON")]
    [InlineData("""{ "initialLr": 0.1, "decay": ["constant"], "batchSize": { "type": "gaussian" } }""", "batchSize.type", "must be one of float, int, categorical, fixed")]
    public void Parse_InvalidSpace_ReportsPathAndMessage(string json, string path, string message)
    {
        var (space, errors) = SearchSpaceJson.Parse(json);

        Assert.Null(space);
        Assert.Contains(errors, e => e.Path == path && e.Message.StartsWith(message, StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_SeveralProblems_ReportsEveryOne()
    {
        const string json = """
            { "initialLr": { "low": 0, "high": 1 },
              "decay": { "step": { "stepSize": 0, "gamma": 2 }, "banana": {} },
              "batchSize": [] }
            """;

        var (_, errors) = SearchSpaceJson.Parse(json);

        Assert.Equal(
            ["batchSize", "decay.banana", "decay.step.gamma", "decay.step.stepSize", "initialLr.low"],
            errors.Select(e => e.Path).Order(StringComparer.Ordinal));
    }
}

using HyperSearch.Core.Sampling;
using HyperSearch.Core.Searches;

namespace HyperSearch.Core.Tests.Searches;

public sealed class SearchSpecValidatorTests
{
    private static readonly string[] Workloads = ["fashion-mlp", "sleep"];

    [Fact]
    public void Parse_MinimalSpec_DefaultsFilledAndSpaceKept()
    {
        var (spec, errors) = SearchSpecValidator.Parse("""
            { "name": " lr ", "workload": "fashion-mlp", "budget": 10, "epochs": 5, "objective": "valAccuracy",
              "space": { "initialLr": { "low": 0.001, "high": 0.1 }, "decay": { "constant": {} } } }
            """, Workloads);

        Assert.Empty(errors);
        Assert.Equal("lr", spec!.Name);
        Assert.Equal(SearchStrategy.Tpe, spec.Strategy);
        Assert.Equal(ObjectiveDirection.Maximize, spec.Direction);
        Assert.Equal(1, spec.Parallelism);
        Assert.Equal("none", spec.Pruner.Type);
        Assert.Contains("initialLr", spec.SpaceJson);
    }

    [Theory]
    [InlineData(121)]
    [InlineData(100_000)] // passed before: every list showing it lost its right-hand columns
    public void Parse_NameLongerThanTheLimit_RefusedNamingTheLimitAndTheLength(int length)
    {
        var (spec, errors) = SearchSpecValidator.Parse($$"""
            { "name": "{{new string('n', length)}}", "workload": "fashion-mlp", "budget": 10, "epochs": 5,
              "space": { "initialLr": 0.01, "decay": { "constant": {} } } }
            """, Workloads);

        Assert.Null(spec);
        var error = Assert.Single(errors);
        Assert.Equal(("name", $"must be at most {SearchSpec.MaxNameLength} characters; got {length}"), (error.Path, error.Message));
    }

    [Fact]
    public void Parse_NameAtTheLimit_Accepted()
    {
        var (spec, errors) = SearchSpecValidator.Parse($$"""
            { "name": "{{new string('n', SearchSpec.MaxNameLength)}}", "workload": "fashion-mlp", "budget": 10, "epochs": 5,
              "space": { "initialLr": 0.01, "decay": { "constant": {} } } }
            """, Workloads);

        Assert.Empty(errors);
        Assert.Equal(SearchSpec.MaxNameLength, spec!.Name.Length);
    }

    [Theory]
    [InlineData("", null)]
    [InlineData(""", "seed": 0""", 0)]
    [InlineData(""", "seed": 42""", 42)]
    public void Parse_Seed_KeptWhenGivenAndLeftForTheStoreToDrawWhenNot(string seed, int? expected)
    {
        var (spec, errors) = SearchSpecValidator.Parse($$"""
            { "name": "seeded", "workload": "fashion-mlp", "budget": 10, "epochs": 5{{seed}},
              "space": { "initialLr": 0.01, "decay": { "constant": {} } } }
            """, Workloads);

        Assert.Empty(errors);
        Assert.Equal(expected, spec!.Seed);
    }

    [Fact]
    public void Parse_ManyProblems_EveryFieldReportedOnce()
    {
        var (spec, errors) = SearchSpecValidator.Parse("""
            { "name": "", "workload": 5, "budget": 1.5, "parallelism": 0, "epochs": 0, "pruner": { "type": "banana" },
              "direction": "up", "space": { "initialLr": { "low": 1, "high": 0.1 }, "decay": { "constant": {} } } }
            """, Workloads);

        Assert.Null(spec);
        Assert.Equal(
            ["budget", "direction", "epochs", "name", "parallelism", "pruner.type", "space.initialLr.low", "workload"],
            errors.Select(e => e.Path).Order());
    }

    [Fact]
    public void Parse_ParallelismAboveBudget_Refused()
    {
        var (_, errors) = SearchSpecValidator.Parse("""
            { "name": "x", "workload": "sleep", "budget": 2, "parallelism": 3, "epochs": 1, "space": { "initialLr": { "low": 0.001, "high": 0.1 }, "decay": { "constant": {} } } }
            """, Workloads);

        Assert.Equal("parallelism: must be ≤ budget (2)", Assert.Single(errors).ToString());
    }

    [Fact]
    public void Parse_HyperbandWithoutMaxResource_TakesTheEpochs()
    {
        var (spec, errors) = SearchSpecValidator.Parse("""
            { "name": "x", "workload": "sleep", "budget": 2, "epochs": 27, "pruner": { "type": "hyperband", "minResource": 1 },
              "space": { "initialLr": { "low": 0.001, "high": 0.1 }, "decay": { "constant": {} } } }
            """, Workloads);

        Assert.Empty(errors);
        Assert.Equal(("hyperband", 27), (spec!.Pruner.Type, spec.Pruner.MaxResource));
    }

    [Fact]
    public void Parse_HyperbandWithMaxResource_KeepsIt()
    {
        var (spec, errors) = SearchSpecValidator.Parse("""
            { "name": "x", "workload": "sleep", "budget": 2, "epochs": 27, "pruner": { "type": "hyperband", "maxResource": 9 },
              "space": { "initialLr": { "low": 0.001, "high": 0.1 }, "decay": { "constant": {} } } }
            """, Workloads);

        Assert.Empty(errors);
        Assert.Equal(9, spec!.Pruner.MaxResource);
    }

    [Fact]
    public void Parse_HyperbandMinResourceAboveEpochs_NamesMinResource()
    {
        var (_, errors) = SearchSpecValidator.Parse("""
            { "name": "x", "workload": "sleep", "budget": 2, "epochs": 3, "pruner": { "type": "hyperband", "minResource": 5 },
              "space": { "initialLr": { "low": 0.001, "high": 0.1 }, "decay": { "constant": {} } } }
            """, Workloads);

        Assert.Equal("pruner.minResource", Assert.Single(errors).Path);
    }

    private const string Space = """ "space": { "initialLr": { "low": 0.001, "high": 0.1 }, "decay": { "constant": {} } } """;

    [Theory]
    [InlineData("""{ "name": "a\u0000b", "workload": "sleep", "budget": 1, "epochs": 1, SPACE }""", "name", "NUL")]
    [InlineData("""{ "name": "\ud800", "workload": "sleep", "budget": 1, "epochs": 1, SPACE }""", "name", "unpaired UTF-16 surrogate")]
    [InlineData("""{ "name": "x", "owner": "\udc00tail", "workload": "sleep", "budget": 1, "epochs": 1, SPACE }""", "owner", "unpaired UTF-16 surrogate")]
    [InlineData("""{ "name": "x", "workload": "sleep", "budget": 1, "epochs": 1, "space": { "initialLr": { "low": 0.001, "high": 0.1 }, "decay": { "constant": {} }, "tags": ["ok", "\u0000"] } }""", "space.tags[1]", "NUL")]
    public void Parse_TextNoDatabaseCanStore_RefusedNamingTheField(string json, string path, string problem)
    {
        var (spec, errors) = SearchSpecValidator.Parse(json.Replace("SPACE", Space), Workloads);

        Assert.Null(spec);
        var error = Assert.Single(errors);
        Assert.Equal(path, error.Path);
        Assert.Contains(problem, error.Message);
    }

    [Fact]
    public void Parse_UnknownKeyInsidePruner_Refused()
    {
        var (_, errors) = SearchSpecValidator.Parse($$"""{ "name": "x", "workload": "sleep", "budget": 1, "epochs": 1, "pruner": { "type": "median", "patience": 3 }, {{Space}} }""", Workloads);

        Assert.Equal("pruner.patience", Assert.Single(errors).Path);
    }

    [Fact]
    public void Parse_IntegerParameterBeyondInt32_RefusedNotLeftToTheSampler()
    {
        var (_, errors) = SearchSpecValidator.Parse("""
            { "name": "x", "workload": "sleep", "budget": 1, "epochs": 1,
              "space": { "initialLr": { "low": 0.001, "high": 0.1 }, "decay": { "cosine": { "tMax": 1e308 } } } }
            """, Workloads);

        var error = Assert.Single(errors);
        Assert.Equal("space.decay.cosine.tMax", error.Path);
        Assert.Contains("between", error.Message);
    }
}

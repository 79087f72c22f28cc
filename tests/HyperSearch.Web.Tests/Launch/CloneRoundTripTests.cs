using HyperSearch.Core.Pruning;
using HyperSearch.Core.Sampling;
using HyperSearch.Core.Searches;
using HyperSearch.Core.Space;
using HyperSearch.Web.Launch;

namespace HyperSearch.Web.Tests.Launch;

/// <summary>Clone: a stored spec read into the launch form and written back is the same spec, parts the form has no box for included.</summary>
public class CloneRoundTripTests
{
    private static readonly HyperSearch.Core.Training.WorkloadInfo[] Workloads = [new("two-spirals", "", HyperSearch.Core.Training.WorkloadKind.TorchSharp)];

    public static TheoryData<string, string> Specs => new()
    {
        { "params and batch size", """{ "name": "p", "workload": "two-spirals", "budget": 12, "epochs": 8, "space": { "initialLr": { "type": "float", "low": 0.001, "high": 0.1, "log": true }, "decay": { "cosine": { "tMax": { "type": "int", "low": 4, "high": 8 } } }, "batchSize": { "type": "categorical", "choices": [16, 64] }, "params": { "width": { "type": "int", "low": 8, "high": 64, "log": true }, "dropout": { "type": "float", "low": 0, "high": 0.5 } } } }""" },
        { "pruner settings", """{ "name": "p", "workload": "two-spirals", "budget": 30, "epochs": 20, "pruner": { "type": "median", "startupTrials": 3, "warmupSteps": 4 }, "space": { "initialLr": { "type": "float", "low": 0.001, "high": 0.1, "log": true }, "decay": { "constant": {} } } }""" },
        { "hyperband", """{ "name": "p", "workload": "two-spirals", "budget": 30, "epochs": 27, "pruner": { "type": "hyperband", "reductionFactor": 3, "minResource": 3 }, "space": { "initialLr": { "type": "float", "low": 0.01, "high": 0.1, "log": false, "step": 0.01 }, "decay": { "constant": {} } } }""" },
        { "optimizer type only", """{ "name": "p", "workload": "two-spirals", "budget": 10, "epochs": 5, "space": { "initialLr": { "type": "float", "low": 0.001, "high": 0.1, "log": true }, "decay": { "constant": {} }, "optimizer": { "type": { "type": "categorical", "choices": ["sgd", "adam"] }, "weightDecay": { "type": "float", "low": 0, "high": 0.01 } } } }""" },
        { "optimizer with momentum and warmup", """{ "name": "p", "workload": "two-spirals", "budget": 10, "epochs": 5, "seed": 7, "priority": 20, "space": { "initialLr": { "type": "float", "low": 0.001, "high": 0.1, "log": true }, "decay": { "step": { "stepSize": { "type": "int", "low": 1, "high": 3 }, "gamma": { "type": "float", "low": 0.1, "high": 0.9 } } }, "warmup": { "steps": { "type": "int", "low": 0, "high": 3 } }, "optimizer": { "type": { "type": "fixed", "value": "sgd" }, "momentum": { "type": "float", "low": 0.5, "high": 0.95 }, "nesterov": { "type": "categorical", "choices": [true, false] } } } }""" },
        { "no optimizer, maximised accuracy", """{ "name": "p", "workload": "two-spirals", "budget": 10, "epochs": 5, "objective": "valAccuracy", "strategy": "random", "space": { "initialLr": { "type": "float", "low": 0.001, "high": 0.1, "log": true }, "decay": { "constant": {} } } }""" },
    };

    [Theory]
    [MemberData(nameof(Specs))]
    public void Clone_StoredSpec_FormWritesTheSameSpecBack(string what, string json)
    {
        var (stored, errors) = SearchSpecValidator.Parse(json, Workloads);
        Assert.True(errors.Count == 0, what + ": " + string.Join("; ", errors));

        var form = LaunchFormReader.FromSpec(stored!, nameSuffix: "");
        var (cloned, cloneErrors) = LaunchSpecWriter.Validate(form, Workloads);

        Assert.True(cloneErrors.Count == 0, what + ": " + string.Join("; ", cloneErrors));
        Assert.Equal(Explicit(stored!.SpaceJson), Explicit(cloned!.SpaceJson));
        Assert.Equal(stored with { SpaceJson = "" }, cloned with { SpaceJson = "" });
    }

    private static string Explicit(string spaceJson) => SearchSpaceJson.Serialize(SearchSpaceJson.Parse(spaceJson).Space!);
}

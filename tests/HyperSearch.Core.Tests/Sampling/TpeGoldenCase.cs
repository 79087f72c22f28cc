using System.Text.Json;
using System.Text.Json.Nodes;
using HyperSearch.Core.Configuration;
using HyperSearch.Core.Json;
using HyperSearch.Core.Sampling;
using HyperSearch.Core.Space;
using HyperSearch.Core.Trials;

namespace HyperSearch.Core.Tests.Sampling;

/// <summary>
/// One history of scripts/golden/generate_tpe_golden.py: a space, trials as samplers see them, and
/// what Optuna 3.1's TPESampler made of them (n, the split, each parameter's estimators and choice).
/// </summary>
public sealed record TpeGoldenCase(string Name, SearchSpace Space, ObjectiveDirection Direction, IReadOnlyList<TrialSnapshot> History,
    int Finished, bool Startup, int NBelow, int[] Below, int[] Above, IReadOnlyList<TpeGoldenParameter> Parameters)
{
    public static TpeGoldenCase FromJson(JsonNode node)
    {
        var (space, errors) = SearchSpaceJson.Parse(node["space"]!.ToJsonString());
        Assert.True(space is not null, string.Join("; ", errors));
        return new(
            node["name"]!.GetValue<string>(),
            space!,
            node["direction"]!.GetValue<string>() == "minimize" ? ObjectiveDirection.Minimize : ObjectiveDirection.Maximize,
            node["trials"]!.AsArray().Select(t => Snapshot(t!)).ToList(),
            node["finished"]!.GetValue<int>(),
            node["startup"] is not null,
            node["nBelow"]?.GetValue<int>() ?? 0,
            node["below"]?.Deserialize<int[]>() ?? [],
            node["above"]?.Deserialize<int[]>() ?? [],
            node["parameters"]?.AsArray().Select(p => TpeGoldenParameter.FromJson(p!)).ToList() ?? []);
    }

    private static TrialSnapshot Snapshot(JsonNode t)
    {
        var state = t["state"]!.GetValue<string>() switch
        {
            "completed" => TrialState.Completed,
            "pruned" or "prunedEarly" => TrialState.Pruned,
            "failed" => TrialState.Failed,
            "running" => TrialState.Running,
            "diverged" => TrialState.Diverged,
            var other => throw new InvalidDataException($"unknown state {other}"),
        };
        // Through the product's own options, as a stored trial's config is read.
        var config = t["config"].Deserialize<TrialConfig>(HyperJson.Options)!;
        return new TrialSnapshot(t["number"]!.GetValue<int>(), config, state, t["value"]?.GetValue<double>(), Step: t["step"]?.GetValue<int>());
    }
}

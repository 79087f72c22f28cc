using System.Text.Json;
using System.Text.Json.Nodes;
using HyperSearch.Core.Configuration;
using HyperSearch.Core.Json;
using HyperSearch.Core.Sampling;
using HyperSearch.Core.Searches;

namespace HyperSearch.Core.Pbt;

/// <summary>
/// "Replay": the exported schedule trained as a normal trial from scratch, i.e. a one-trial grid
/// search whose space holds exactly the exported config (every value fixed), with the PBT search's
/// workload, epochs, seed and objective.
/// </summary>
public static class PbtReplay
{
    public static SearchSpec SpecOf(SearchSpec pbtSearch, TrialConfig exported) => new()
    {
        Name = $"{pbtSearch.Name} – replay of the best PBT schedule",
        Owner = pbtSearch.Owner,
        Workload = pbtSearch.Workload,
        Strategy = SearchStrategy.Grid,
        SpaceJson = SpaceJsonOf(exported),
        Objective = pbtSearch.Objective,
        Direction = pbtSearch.Direction,
        Budget = 1,
        Parallelism = 1,
        Epochs = pbtSearch.Epochs,
        ScheduleUnit = pbtSearch.ScheduleUnit,
        Seed = pbtSearch.Seed,
        Priority = pbtSearch.Priority,
    };

    /// <summary>A space whose only point is <paramref name="config"/> (fixed values; the decay as its one branch).</summary>
    public static string SpaceJsonOf(TrialConfig config)
    {
        var node = JsonSerializer.SerializeToNode(config with { Pbt = null }, HyperJson.Options)!.AsObject();
        var decay = node["decay"]!.AsObject();
        var type = decay["type"]!.GetValue<string>();
        decay.Remove("type");
        var space = new JsonObject { ["initialLr"] = node["initialLr"]!.DeepClone(), ["decay"] = new JsonObject { [type] = decay.DeepClone() } };
        foreach (var section in new[] { "warmup", "optimizer", "batchSize", "params" })
        {
            if (node[section] is { } value) space[section] = value.DeepClone();
        }
        return space.ToJsonString();
    }
}

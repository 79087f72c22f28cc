using System.Text.Json;
using System.Text.Json.Nodes;
using HyperSearch.Core.Configuration;
using HyperSearch.Core.Json;
using HyperSearch.Core.Pruning;
using HyperSearch.Core.Sampling;
using HyperSearch.Core.Searches;
using HyperSearch.Core.Space;

namespace HyperSearch.Web.Launch;

/// <summary>
/// Fills the launch form from an existing search (clone) or from one trial's config ("re-run with
/// changes": every parameter fixed to the trial's value, budget 1). Parts of the spec the form
/// has no box for are kept in <see cref="LaunchForm.Kept"/> and written back as they were.
/// </summary>
public static class LaunchFormReader
{
    public static LaunchForm FromSpec(SearchSpec spec, string nameSuffix = " (copy)")
    {
        var form = LaunchForm.CreateDefault(spec.Workload, spec.Epochs);
        form.Name = spec.Name + nameSuffix;
        form.Team = spec.Team;
        form.Strategy = spec.Strategy;
        form.Objective = spec.Objective;
        form.Budget = spec.Budget;
        form.Parallelism = spec.Parallelism;
        form.ScheduleUnit = spec.ScheduleUnit;
        form.Seed = spec.Seed;
        form.GridPoints = spec.GridPoints;
        form.Pruner = spec.Pruner.Type;
        form.Priority = spec.Priority;
        form.Kept = new KeptSpecParts
        {
            PrunerType = spec.Pruner.Type,
            Direction = spec.Direction == DefaultDirection(spec.Objective) ? null : JsonNamingPolicy.CamelCase.ConvertName(spec.Direction.ToString()),
        };
        KeepPrunerSettings(form.Kept.Pruner, spec);
        if (JsonNode.Parse(Explicit(spec.SpaceJson)) is JsonObject space) ReadSpace(form, space);
        return form;
    }

    // The validator's own default: accuracy up, losses and errors down.
    private static ObjectiveDirection DefaultDirection(ObjectiveMetric objective) =>
        objective == ObjectiveMetric.ValAccuracy ? ObjectiveDirection.Maximize : ObjectiveDirection.Minimize;

    /// <summary>The settings that differ from a new pruner's; hyperband's R only when not the run length (the validator's default).</summary>
    private static void KeepPrunerSettings(JsonObject kept, SearchSpec spec)
    {
        var (pruner, defaults) = (spec.Pruner, new PrunerSpec());
        if (pruner.StartupTrials != defaults.StartupTrials) kept["startupTrials"] = pruner.StartupTrials;
        if (pruner.WarmupSteps != defaults.WarmupSteps) kept["warmupSteps"] = pruner.WarmupSteps;
        if (pruner.ReductionFactor != defaults.ReductionFactor) kept["reductionFactor"] = pruner.ReductionFactor;
        if (pruner.MinResource != defaults.MinResource) kept["minResource"] = pruner.MinResource;
        if (pruner.MaxResource != defaults.MaxResource && pruner.MaxResource != spec.Epochs) kept["maxResource"] = pruner.MaxResource;
    }

    /// <summary>
    /// A stored space is kept as written, shorthand included ({"low": 1e-3, "high": 0.1}, ["cosine"]);
    /// the core rewrites it with every distribution's type, the one form this reader understands.
    /// </summary>
    private static string Explicit(string spaceJson) =>
        SearchSpaceJson.Parse(spaceJson).Space is { } space ? SearchSpaceJson.Serialize(space) : spaceJson;

    private static readonly string[] SpaceBoxes = ["initialLr", "decay", "warmup", "optimizer", "pbt"];

    private static void ReadSpace(LaunchForm form, JsonObject space)
    {
        foreach (var (name, value) in space.Where(p => !SpaceBoxes.Contains(p.Key))) form.Kept.Space[name] = value?.DeepClone();
        if (Range("initialLr", space["initialLr"]) is { } lr) form.InitialLr = lr;
        if (space["decay"] is JsonObject decays)
        {
            foreach (var choice in form.Decays)
            {
                choice.Included = decays[choice.Type] is JsonObject;
                if (decays[choice.Type] is not JsonObject parameters) continue;
                var read = parameters.Select(p => Range(p.Key, p.Value)).OfType<ParamRange>().ToList();
                if (read.Count == parameters.Count)
                {
                    choice.Parameters.Clear();
                    choice.Parameters.AddRange(read);
                }
            }
        }

        if (space["warmup"] is JsonObject warmup)
        {
            form.UseWarmup = true;
            form.WarmupSteps = Range("steps", warmup["steps"]) ?? form.WarmupSteps;
            form.WarmupStartFactor = Range("startFactor", warmup["startFactor"]);
            Keep(form.Kept.Warmup, warmup, "steps", "startFactor");
        }

        if (space["optimizer"] is JsonObject optimizer)
        {
            form.UseOptimizer = true;
            // Absent stays absent: a clone adding a momentum range would be another search.
            form.OptimizerType = Range("type", optimizer["type"]);
            form.Momentum = Range("momentum", optimizer["momentum"]);
            Keep(form.Kept.Optimizer, optimizer, "type", "momentum");
        }

        if (space["pbt"] is JsonObject pbt)
        {
            // The spec was validated when it was stored, so every field present has the right type.
            form.Pbt = new PbtForm
            {
                Population = pbt["population"]?.GetValue<int>() ?? form.Pbt.Population,
                Interval = pbt["interval"]?.GetValue<int>() ?? form.Pbt.Interval,
                Fraction = pbt["fraction"]?.GetValue<double>() ?? form.Pbt.Fraction,
                PerturbFactors = pbt["perturbFactors"] is JsonArray factors ? string.Join(", ", factors.Select(f => f?.ToJsonString())) : form.Pbt.PerturbFactors,
            };
        }
    }

    private static void Keep(JsonObject kept, JsonObject section, params string[] boxes)
    {
        foreach (var (name, value) in section.Where(p => !boxes.Contains(p.Key))) kept[name] = value?.DeepClone();
    }

    /// <summary>One distribution in the form's own space format; a bare value reads as fixed.</summary>
    private static ParamRange? Range(string name, JsonNode? node)
    {
        if (node is not JsonObject d || d["type"]?.GetValue<string>() is not { } type)
            return node is JsonValue or JsonArray ? ParamRange.Fixed(name, node.ToJsonString()) : null;
        double Get(string key) => d[key] is JsonValue v && v.TryGetValue<double>(out var x) ? x : 0;
        var log = d["log"] is JsonValue l && l.TryGetValue<bool>(out var b) && b;
        double? step = d["step"] is JsonValue s && s.TryGetValue<double>(out var x) ? x : null;
        return type switch
        {
            "float" => new ParamRange { Name = name, Kind = ParamKind.Float, Low = Get("low"), High = Get("high"), Log = log, Step = step },
            "int" => new ParamRange { Name = name, Kind = ParamKind.Int, Low = Get("low"), High = Get("high"), Log = log, Step = step },
            "categorical" when d["choices"] is JsonArray choices => ParamRange.Choice(name, string.Join(", ", choices.Select(c => c?.ToJsonString().Trim('"')))),
            "fixed" => ParamRange.Fixed(name, d["value"]?.ToJsonString() ?? "null"),
            _ => null,
        };
    }

    private static string Number(double value) => value.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
}

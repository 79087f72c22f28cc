using System.Text.Json;
using System.Text.Json.Nodes;
using HyperSearch.Core.Configuration;
using HyperSearch.Core.Json;
using HyperSearch.Core.Searches;
using HyperSearch.Core.Space;

namespace HyperSearch.Web.Launch;

/// <summary>
/// Fills the launch form from an existing search (clone) or from one trial's config ("re-run with
/// changes": every parameter fixed to the trial's value, budget 1). Parts of a space the form
/// cannot show are left at their defaults.
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
        if (JsonNode.Parse(Explicit(spec.SpaceJson)) is JsonObject space) ReadSpace(form, space);
        return form;
    }

    /// <summary>
    /// A stored space is kept as written, shorthand included ({"low": 1e-3, "high": 0.1}, ["cosine"]);
    /// the core rewrites it with every distribution's type, the one form this reader understands.
    /// </summary>
    private static string Explicit(string spaceJson) =>
        SearchSpaceJson.Parse(spaceJson).Space is { } space ? SearchSpaceJson.Serialize(space) : spaceJson;

    private static void ReadSpace(LaunchForm form, JsonObject space)
    {
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
            form.WarmupStartFactor = Range("startFactor", warmup["startFactor"]) ?? form.WarmupStartFactor;
        }

        if (space["optimizer"] is JsonObject optimizer)
        {
            form.UseOptimizer = true;
            form.OptimizerType = Range("type", optimizer["type"]) ?? form.OptimizerType;
            form.Momentum = Range("momentum", optimizer["momentum"]) ?? form.Momentum;
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

    /// <summary>One distribution in the form's own space format; a bare value reads as fixed.</summary>
    private static ParamRange? Range(string name, JsonNode? node)
    {
        if (node is not JsonObject d || d["type"]?.GetValue<string>() is not { } type)
            return node is JsonValue or JsonArray ? ParamRange.Fixed(name, node.ToJsonString()) : null;
        double Get(string key) => d[key] is JsonValue v && v.TryGetValue<double>(out var x) ? x : 0;
        var log = d["log"] is JsonValue l && l.TryGetValue<bool>(out var b) && b;
        return type switch
        {
            "float" => ParamRange.Float(name, Get("low"), Get("high"), log),
            "int" => new ParamRange { Name = name, Kind = ParamKind.Int, Low = Get("low"), High = Get("high"), Log = log },
            "categorical" when d["choices"] is JsonArray choices => ParamRange.Choice(name, string.Join(", ", choices.Select(c => c?.ToJsonString().Trim('"')))),
            "fixed" => ParamRange.Fixed(name, d["value"]?.ToJsonString() ?? "null"),
            _ => null,
        };
    }

    private static string Number(double value) => value.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
}

using System.Text.Json;
using System.Text.Json.Nodes;
using HyperSearch.Core.Sampling;
using HyperSearch.Core.Searches;
using HyperSearch.Core.Training;
using HyperSearch.Core.Validation;

namespace HyperSearch.Web.Launch;

/// <summary>
/// Writes the launch form as a search spec document (settings + space) — the very document the
/// REST API and `hypersearch search create` take — and validates it with the core's validator.
/// Space format: each parameter is {"type": "float"|"int"|"categorical"|"fixed", …}; decay is an
/// object keyed by decay type, each holding its own parameters.
/// </summary>
public static class LaunchSpecWriter
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static string ToJson(LaunchForm form, bool indented = false) =>
        ToDocument(form).ToJsonString(indented ? Indented : null);

    public static (SearchSpec? Spec, IReadOnlyList<ValidationError> Errors) Validate(LaunchForm form, IReadOnlyList<WorkloadInfo> workloads) =>
        SearchSpecValidator.Parse(ToJson(form), workloads);

    public static JsonObject ToDocument(LaunchForm form)
    {
        var document = Fields(form);
        if (!string.IsNullOrEmpty(form.Team)) document["team"] = form.Team;
        // No seed: the store draws a random one (a fixed default made every search sample the same trials).
        if (form.Seed is { } seed) document["seed"] = seed;
        if (form.Kept.Direction is { } direction) document["direction"] = direction;
        if (form.Kept.PrunerType == form.Pruner) Merge(document["pruner"]!.AsObject(), form.Kept.Pruner);
        return document;
    }

    private static JsonObject Fields(LaunchForm form) => new()
    {
        ["name"] = form.Name,
        ["workload"] = form.Workload,
        ["strategy"] = Camel(form.Strategy.ToString()),
        ["objective"] = Camel(form.Objective.ToString()),
        ["budget"] = form.Budget,
        ["parallelism"] = form.Parallelism,
        ["epochs"] = form.Epochs,
        ["scheduleUnit"] = Camel(form.ScheduleUnit.ToString()),
        ["gridPoints"] = form.GridPoints,
        ["priority"] = form.Priority,
        ["pruner"] = new JsonObject { ["type"] = form.Pruner },
        ["space"] = Space(form),
    };

    public static JsonObject Space(LaunchForm form)
    {
        var decay = new JsonObject();
        foreach (var choice in form.IncludedDecays)
        {
            decay[choice.Type] = Params(choice.Parameters);
        }

        var space = new JsonObject { ["initialLr"] = Distribution(form.InitialLr), ["decay"] = decay };
        if (form.UseWarmup)
        {
            space["warmup"] = Merge(Params([form.WarmupSteps, form.WarmupStartFactor]), form.Kept.Warmup);
        }

        if (form.UseOptimizer)
        {
            space["optimizer"] = Merge(Params([form.OptimizerType, form.Momentum]), form.Kept.Optimizer);
        }

        if (form.Strategy == SearchStrategy.Pbt)
        {
            space["pbt"] = new JsonObject
            {
                ["population"] = form.Pbt.Population,
                ["interval"] = form.Pbt.Interval,
                ["fraction"] = form.Pbt.Fraction,
                ["perturbFactors"] = JsonLiteral.ParseList(form.Pbt.PerturbFactors),
            };
        }

        return Merge(space, form.Kept.Space);
    }

    /// <summary>Adds a clone's kept entries (copies: the form writes its document anew on every edit).</summary>
    private static JsonObject Merge(JsonObject target, JsonObject kept)
    {
        foreach (var (name, value) in kept) target[name] ??= value?.DeepClone();
        return target;
    }

    private static JsonObject Params(IEnumerable<ParamRange?> parameters)
    {
        var result = new JsonObject();
        foreach (var parameter in parameters.OfType<ParamRange>()) result[parameter.Name] = Distribution(parameter);
        return result;
    }

    public static JsonObject Distribution(ParamRange range) => range.Kind switch
    {
        ParamKind.Float => WithStep(new JsonObject { ["type"] = "float", ["low"] = range.Low, ["high"] = range.High, ["log"] = range.Log }, range.Step),
        ParamKind.Int => WithStep(new JsonObject { ["type"] = "int", ["low"] = (long)Math.Round(range.Low), ["high"] = (long)Math.Round(range.High), ["log"] = range.Log },
            range.Step is { } step ? Math.Round(step) : null),
        ParamKind.Choice => new JsonObject { ["type"] = "categorical", ["choices"] = JsonLiteral.ParseList(range.Choices) },
        _ => new JsonObject { ["type"] = "fixed", ["value"] = JsonLiteral.Parse(range.Value) },
    };

    private static JsonObject WithStep(JsonObject distribution, double? step)
    {
        if (step is { } value) distribution["step"] = distribution["type"]!.GetValue<string>() == "int" ? (long)value : value;
        return distribution;
    }

    private static string Camel(string name) => JsonNamingPolicy.CamelCase.ConvertName(name);
}

using System.Text.Json;
using System.Text.Json.Nodes;
using HyperSearch.Core.Validation;

namespace HyperSearch.Core.Space;

/// <summary>
/// Reads the <c>when</c> of a <c>params</c> entry: <c>{ "n_layers": { "min": 3 } }</c> (a numeric range,
/// either end open) or <c>{ "cell": [1] }</c> (the parent's values), several parents meaning all of them.
/// A parent must be an earlier entry of <c>params</c> (its value is drawn first, as in a define-by-run
/// objective; this also rules out cycles), and the condition must be able to hold for some value the
/// parent's distribution gives. Every problem is named by its path (<c>params.n_units_l2.when.n_layers.min</c>).
/// </summary>
internal sealed class ConditionReader(List<ValidationError> errors)
{
    private static readonly string[] RangeFields = ["min", "max"];

    /// <param name="earlier">The entries before this one, in order.</param>
    public IReadOnlyList<SpaceCondition>? Read(string path, JsonElement json, IReadOnlyList<SpaceParam> earlier, IReadOnlyList<string> later)
    {
        if (json.ValueKind != JsonValueKind.Object || !json.EnumerateObject().Any())
        {
            Error(path, "must be an object naming at least one earlier params entry, e.g. { \"n_layers\": { \"min\": 3 } }");
            return null;
        }
        var conditions = new List<SpaceCondition>();
        foreach (var p in json.EnumerateObject())
        {
            var at = $"{path}.{p.Name}";
            if (earlier.FirstOrDefault(e => e.Name == p.Name) is not { } parent)
            {
                Error(at, later.Contains(p.Name)
                    ? $"{p.Name} must come before this entry in params: a condition reads a value already drawn"
                    : $"unknown parameter; a condition names an earlier params entry ({(earlier.Count == 0 ? "there is none" : string.Join(", ", earlier.Select(e => e.Name)))})");
                continue;
            }
            if (ReadOne(at, p.Name, p.Value) is not { } condition)
            {
                continue;
            }
            if (!CanHold(condition, parent.Distribution))
            {
                Error(at, $"never holds: {parent.Name} takes {Describe(parent.Distribution)}");
                continue;
            }
            conditions.Add(condition);
        }
        return conditions;
    }

    private SpaceCondition? ReadOne(string path, string parent, JsonElement json)
    {
        switch (json.ValueKind)
        {
            case JsonValueKind.Array:
                var values = json.EnumerateArray().Select(e => JsonNode.Parse(e.GetRawText())!).ToList();
                if (values.Count == 0)
                {
                    Error(path, "must list at least one value of the parent");
                    return null;
                }
                return new SpaceCondition(parent, values);
            case JsonValueKind.Object:
                var before = errors.Count;
                foreach (var unknown in json.EnumerateObject().Where(f => !RangeFields.Contains(f.Name)))
                {
                    Error($"{path}.{unknown.Name}", "unknown field; known: min, max (inclusive)");
                }
                var min = Number(path, json, "min");
                var max = Number(path, json, "max");
                if (min is null && max is null)
                {
                    if (errors.Count == before) Error(path, "needs min, max or both");
                    return null;
                }
                if (min > max)
                {
                    Error($"{path}.min", $"must be ≤ max ({max})");
                    return null;
                }
                return new SpaceCondition(parent, null, min, max);
            default:
                Error(path, "must be an array of the parent's values or { \"min\": …, \"max\": … }");
                return null;
        }
    }

    private double? Number(string path, JsonElement json, string name)
    {
        if (!json.TryGetProperty(name, out var v)) return null;
        if (v.ValueKind == JsonValueKind.Number && double.IsFinite(v.GetDouble())) return v.GetDouble();
        Error($"{path}.{name}", "must be a finite number");
        return null;
    }

    private static bool CanHold(SpaceCondition condition, Distribution parent) => parent switch
    {
        CategoricalDistribution c => c.Choices.Any(condition.Holds),
        FixedDistribution f => condition.Holds(f.Value),
        // Values of a range are numbers: a list condition needs one inside, a min/max one must overlap it.
        FloatDistribution f => condition.Values is { } vs
            ? vs.Any(v => SpaceValues.AsNumber(v) is { } x && x >= f.Low && x <= f.High)
            : (condition.Min ?? double.NegativeInfinity) <= f.High && (condition.Max ?? double.PositiveInfinity) >= f.Low,
        IntDistribution i => condition.Values is { } vs
            ? vs.Any(v => SpaceValues.AsNumber(v) is { } x && x >= i.Low && x <= i.EffectiveHigh && (x - i.Low) % i.Step == 0)
            : FirstGridValueFrom(i, Math.Max(condition.Min ?? double.NegativeInfinity, i.Low)) <= Math.Min(condition.Max ?? double.PositiveInfinity, i.EffectiveHigh),
        _ => true,
    };

    // The smallest Low + k·Step that is ≥ from.
    private static double FirstGridValueFrom(IntDistribution i, double from) => i.Low + Math.Ceiling((from - i.Low) / i.Step) * i.Step;

    private static string Describe(Distribution d) => d switch
    {
        CategoricalDistribution c => $"{{{string.Join(", ", c.Choices.Select(x => x.ToJsonString()))}}}",
        FixedDistribution f => $"only {f.Value.ToJsonString()}",
        FloatDistribution f => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"[{f.Low}, {f.High}]"),
        IntDistribution i => $"integers in [{i.Low}, {i.EffectiveHigh}]",
        _ => d.Kind,
    };

    private void Error(string path, string message) => errors.Add(new ValidationError(path, message));
}

using System.Text.Json;
using HyperSearch.Core.Validation;

namespace HyperSearch.Core.Pbt;

/// <summary>Reads the space's <c>pbt</c> section, every problem with its path (<c>pbt.population</c>).</summary>
internal static class PbtSettingsReader
{
    private static readonly string[] Fields = ["population", "interval", "fraction", "perturbFactors"];

    public static PbtSettings? Read(JsonElement json, List<ValidationError> errors)
    {
        if (json.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new("pbt", "must be an object with population, interval, fraction, perturbFactors"));
            return null;
        }
        foreach (var p in json.EnumerateObject().Where(p => !Fields.Contains(p.Name)))
        {
            errors.Add(new($"pbt.{p.Name}", $"unknown field; known: {string.Join(", ", Fields)}"));
        }
        var defaults = new PbtSettings();
        var before = errors.Count;
        var population = Int(json, "population", 2, 1000, defaults.Population, errors);
        var interval = Int(json, "interval", 1, 100_000, defaults.Interval, errors);
        var fraction = defaults.Fraction;
        if (json.TryGetProperty("fraction", out var f))
        {
            if (f.ValueKind != JsonValueKind.Number || !(f.GetDouble() is > 0 and <= 0.5))
                errors.Add(new("pbt.fraction", $"must be a number in (0, 0.5]; got {f.GetRawText()}"));
            else fraction = f.GetDouble();
        }
        var factors = defaults.PerturbFactors;
        if (json.TryGetProperty("perturbFactors", out var pf))
        {
            if (pf.ValueKind != JsonValueKind.Array || pf.GetArrayLength() == 0
                || pf.EnumerateArray().Any(e => e.ValueKind != JsonValueKind.Number || !(e.GetDouble() > 0) || !double.IsFinite(e.GetDouble())))
                errors.Add(new("pbt.perturbFactors", $"must be a non-empty list of positive numbers; got {pf.GetRawText()}"));
            else factors = pf.EnumerateArray().Select(e => e.GetDouble()).ToArray();
        }
        return errors.Count > before ? null : new PbtSettings { Population = population, Interval = interval, Fraction = fraction, PerturbFactors = factors };
    }

    private static int Int(JsonElement json, string name, int min, int max, int fallback, List<ValidationError> errors)
    {
        if (!json.TryGetProperty(name, out var value)) return fallback;
        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var i) && i >= min && i <= max) return i;
        errors.Add(new($"pbt.{name}", $"must be an integer in {min}…{max}; got {value.GetRawText()}"));
        return fallback;
    }
}

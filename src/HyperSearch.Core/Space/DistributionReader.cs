using System.Text.Json;
using System.Text.Json.Nodes;
using HyperSearch.Core.Validation;

namespace HyperSearch.Core.Space;

/// <summary>
/// Reads one distribution in any of its JSON forms and checks it against what its parameter
/// accepts, collecting every problem instead of stopping at the first. Forms:
/// a bare value (fixed), an array (categorical; for integer lists an array of arrays), or an object
/// with "type" float|int|categorical|fixed (inferred from its fields when left out).
/// </summary>
internal sealed class DistributionReader(List<ValidationError> errors)
{
    private static readonly string[] RangeFields = ["type", "low", "high", "log", "step"];

    public Distribution? Read(string path, JsonElement json, ParamInfo info, bool logByDefault = false)
    {
        switch (json.ValueKind)
        {
            case JsonValueKind.Array when info.Kind is not (ParamKind.IntList or ParamKind.FloatList) || IsArrayOfArrays(json):
                return ReadChoices(path, json, info, elementPath: i => $"{path}[{i}]");
            case JsonValueKind.Object:
                return ReadObject(path, json, info, logByDefault);
            case JsonValueKind.Null or JsonValueKind.Undefined:
                Error(path, "must be a value, an array of choices or a distribution object");
                return null;
            default:
                return CheckValue(path, json, info) ? new FixedDistribution(JsonNode.Parse(json.GetRawText())!) : null;
        }
    }

    private Distribution? ReadObject(string path, JsonElement json, ParamInfo info, bool logByDefault)
    {
        var type = InferType(path, json, info);
        switch (type)
        {
            case "categorical":
                CheckFields(path, json, ["type", "choices"]);
                if (!json.TryGetProperty("choices", out var choices) || choices.ValueKind != JsonValueKind.Array)
                {
                    Error($"{path}.choices", "required: an array of values");
                    return null;
                }
                return ReadChoices(path, choices, info, elementPath: i => $"{path}.choices[{i}]");
            case "fixed":
                CheckFields(path, json, ["type", "value"]);
                if (!json.TryGetProperty("value", out var value))
                {
                    Error($"{path}.value", "required");
                    return null;
                }
                return CheckValue($"{path}.value", value, info) ? new FixedDistribution(JsonNode.Parse(value.GetRawText())!) : null;
            case "float" or "int":
                CheckFields(path, json, RangeFields);
                return ReadRange(path, json, info, type == "int", logByDefault);
            default:
                return null;
        }
    }

    private string? InferType(string path, JsonElement json, ParamInfo info)
    {
        if (json.TryGetProperty("type", out var t))
        {
            var name = t.ValueKind == JsonValueKind.String ? t.GetString() : null;
            if (name is "float" or "int" or "categorical" or "fixed")
            {
                return name;
            }
            Error($"{path}.type", "must be one of float, int, categorical, fixed");
            return null;
        }
        if (json.TryGetProperty("choices", out _))
        {
            return "categorical";
        }
        if (json.TryGetProperty("value", out _))
        {
            return "fixed";
        }
        if (json.TryGetProperty("low", out _) || json.TryGetProperty("high", out _))
        {
            return info.Kind == ParamKind.Int ? "int" : "float";
        }
        Error(path, "a distribution object needs low/high, choices or value");
        return null;
    }

    private Distribution? ReadRange(string path, JsonElement json, ParamInfo info, bool isInt, bool logByDefault)
    {
        if (info.Kind is not (ParamKind.Float or ParamKind.Int))
        {
            Error(path, $"{info.Name} takes {Describe(info)}, not a numeric range; give a value or choices");
            return null;
        }
        if (!isInt && info.Kind == ParamKind.Int)
        {
            Error($"{path}.type", $"{info.Name} takes integers: use \"int\"");
            return null;
        }
        var low = ReadNumber($"{path}.low", json, "low", isInt, required: true);
        var high = ReadNumber($"{path}.high", json, "high", isInt, required: true);
        var step = ReadNumber($"{path}.step", json, "step", isInt, required: false);
        var log = logByDefault;
        if (json.TryGetProperty("log", out var logJson))
        {
            if (logJson.ValueKind is JsonValueKind.True or JsonValueKind.False)
            {
                log = logJson.GetBoolean();
            }
            else
            {
                Error($"{path}.log", "must be true or false");
            }
        }
        var before = errors.Count;
        if (step is <= 0)
        {
            Error($"{path}.step", "must be > 0");
        }
        if (step is not null && log && !(isInt && step == 1))
        {
            Error($"{path}.step", "cannot be combined with log: a log range has no fixed step");
        }
        if (low is { } lo && high is { } hi && lo > hi)
        {
            Error($"{path}.low", $"must be ≤ high ({hi.ToString(System.Globalization.CultureInfo.InvariantCulture)})");
        }
        if (log && low is { } l && (isInt ? l < 1 : l <= 0))
        {
            Error($"{path}.low", isInt ? "must be ≥ 1 on a log scale" : "must be > 0 on a log scale");
        }
        CheckBound($"{path}.low", low, info);
        CheckBound($"{path}.high", high, info);
        if (low is null || high is null || errors.Count > before)
        {
            return null;
        }
        return isInt
            ? new IntDistribution((int)low.Value, (int)high.Value, log, (int)(step ?? 1))
            : new FloatDistribution(low.Value, high.Value, log, step);
    }

    private double? ReadNumber(string path, JsonElement json, string field, bool isInt, bool required)
    {
        if (!json.TryGetProperty(field, out var value))
        {
            if (required)
            {
                Error(path, "required");
            }
            return null;
        }
        var number = Number(path, value);
        if (number is { } n && isInt && (n != Math.Floor(n) || Math.Abs(n) > int.MaxValue))
        {
            Error(path, "must be an integer");
            return null;
        }
        return number;
    }

    private double? Number(string path, JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.Number)
        {
            Error(path, value.ValueKind == JsonValueKind.String && IsNamedNonFinite(value.GetString())
                ? "must be a finite number"
                : "must be a number");
            return null;
        }
        if (!value.TryGetDouble(out var d) || !double.IsFinite(d))
        {
            Error(path, "must be a finite number");
            return null;
        }
        return d;
    }

    private void CheckBound(string path, double? value, ParamInfo info)
    {
        // One message per field: a log-scale complaint about low already says what is wrong.
        if (value is { } v && info.Check(v) is { } problem && errors.All(e => e.Path != path))
        {
            Error(path, problem);
        }
    }

    private Distribution? ReadChoices(string path, JsonElement array, ParamInfo info, Func<int, string> elementPath)
    {
        if (array.GetArrayLength() == 0)
        {
            Error(path, "choices must not be empty");
            return null;
        }
        var ok = true;
        var nodes = new List<JsonNode>();
        var i = 0;
        foreach (var choice in array.EnumerateArray())
        {
            ok &= CheckValue(elementPath(i++), choice, info);
            nodes.Add(JsonNode.Parse(choice.GetRawText())!);
        }
        return ok ? new CategoricalDistribution(nodes) : null;
    }

    /// <summary>Checks one concrete value (fixed value or choice) against the parameter.</summary>
    private bool CheckValue(string path, JsonElement value, ParamInfo info)
    {
        var before = errors.Count;
        switch (info.Kind)
        {
            case ParamKind.Float or ParamKind.Int:
                if (Number(path, value) is { } n)
                {
                    if (info.Kind == ParamKind.Int && n != Math.Floor(n))
                    {
                        Error(path, "must be an integer");
                    }
                    else if (info.Kind == ParamKind.Int && Math.Abs(n) > int.MaxValue)
                    {
                        // Stored and used as a 32-bit integer: 1e308 would overflow in the sampler, not here.
                        Error(path, $"must be an integer between {int.MinValue} and {int.MaxValue}");
                    }
                    else
                    {
                        CheckBound(path, n, info);
                    }
                }
                break;
            case ParamKind.Bool when value.ValueKind is not (JsonValueKind.True or JsonValueKind.False):
                Error(path, "must be true or false");
                break;
            case ParamKind.Choice when value.ValueKind != JsonValueKind.String || !info.Choices!.Contains(value.GetString()):
                Error(path, $"must be one of {string.Join(", ", info.Choices!)}");
                break;
            case ParamKind.IntList:
                CheckIntList(path, value);
                break;
            case ParamKind.FloatList:
                CheckFloatList(path, value, info);
                break;
        }
        return errors.Count == before;
    }

    private void CheckIntList(string path, JsonElement value)
    {
        const string message = "must be a non-empty, strictly increasing list of positive integers";
        if (value.ValueKind != JsonValueKind.Array || value.GetArrayLength() == 0)
        {
            Error(path, message);
            return;
        }
        var previous = 0.0;
        foreach (var e in value.EnumerateArray())
        {
            if (e.ValueKind != JsonValueKind.Number || !e.TryGetInt32(out var m) || m <= previous)
            {
                Error(path, message);
                return;
            }
            previous = m;
        }
    }

    private void CheckFloatList(string path, JsonElement value, ParamInfo info)
    {
        if (value.ValueKind != JsonValueKind.Array || value.GetArrayLength() == 0)
        {
            Error(path, "must be a non-empty list of numbers");
            return;
        }
        var i = 0;
        foreach (var e in value.EnumerateArray())
        {
            if (Number($"{path}[{i}]", e) is { } n)
            {
                CheckBound($"{path}[{i}]", n, info);
            }
            i++;
        }
    }

    private void CheckFields(string path, JsonElement json, string[] allowed)
    {
        foreach (var p in json.EnumerateObject().Where(p => !allowed.Contains(p.Name)))
        {
            Error($"{path}.{p.Name}", $"unknown field; allowed here: {string.Join(", ", allowed)}");
        }
    }

    private static bool IsArrayOfArrays(JsonElement json) =>
        json.EnumerateArray().Any(e => e.ValueKind == JsonValueKind.Array);

    private static bool IsNamedNonFinite(string? s) =>
        s is "NaN" or "Infinity" or "-Infinity" or "nan" or "inf" or "-inf";

    private static string Describe(ParamInfo info) => info.Kind switch
    {
        ParamKind.Bool => "true/false",
        ParamKind.Choice => $"one of {string.Join(", ", info.Choices!)}",
        ParamKind.IntList => "a list of integers",
        ParamKind.FloatList => "a list of numbers",
        _ => "numbers",
    };

    private void Error(string path, string message) => errors.Add(new ValidationError(path, message));
}

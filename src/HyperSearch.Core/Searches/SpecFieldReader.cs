using System.Text.Json;
using HyperSearch.Core.Validation;

namespace HyperSearch.Core.Searches;

/// <summary>Reads typed fields of one JSON object, collecting a field-level error for each bad one.</summary>
internal sealed class SpecFieldReader(JsonElement obj, string prefix, List<ValidationError>? errors = null)
{
    public List<ValidationError> Errors { get; } = errors ?? [];

    public void Error(string field, string message) => Errors.Add(new ValidationError(prefix + field, message));

    private JsonElement? Get(string field, bool required)
    {
        if (obj.TryGetProperty(field, out var value) && value.ValueKind != JsonValueKind.Null) return value;
        if (required) Error(field, "is required");
        return null;
    }

    public string? String(string field, bool required = false)
    {
        var value = Get(field, required);
        if (value is null) return null;
        if (value.Value.ValueKind == JsonValueKind.String) return value.Value.GetString();
        Error(field, $"must be a string, not {Describe(value.Value)}");
        return null;
    }

    public int? Int(string field, bool required = false, int min = int.MinValue, int max = int.MaxValue)
    {
        var value = Get(field, required);
        if (value is null) return null;
        if (value.Value.ValueKind != JsonValueKind.Number)
        {
            Error(field, $"must be a whole number, not {Describe(value.Value)}");
            return null;
        }
        if (!value.Value.TryGetInt64(out var number))
        {
            Error(field, $"must be a whole number, not {value.Value.GetRawText()}");
            return null;
        }
        if (number < min || number > max)
        {
            Error(field, number < min ? $"must be ≥ {min}" : $"must be ≤ {max}");
            return null;
        }
        return (int)number;
    }

    public T Enum<T>(string field, T fallback) where T : struct, System.Enum
    {
        var text = String(field);
        if (text is null) return fallback;
        foreach (var candidate in System.Enum.GetValues<T>())
        {
            if (string.Equals(candidate.ToString(), text, StringComparison.OrdinalIgnoreCase)) return candidate;
        }
        var names = System.Enum.GetNames<T>().Select(JsonNamingPolicy.CamelCase.ConvertName);
        Error(field, $"must be one of {string.Join(", ", names)}");
        return fallback;
    }

    public JsonElement? Object(string field, bool required = false)
    {
        var value = Get(field, required);
        if (value is null) return null;
        if (value.Value.ValueKind == JsonValueKind.Object) return value;
        Error(field, $"must be an object, not {Describe(value.Value)}");
        return null;
    }

    private static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => $"the string \"{value.GetString()}\"",
        JsonValueKind.Number => $"the number {value.GetRawText()}",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Array => "an array",
        JsonValueKind.Object => "an object",
        _ => value.ValueKind.ToString().ToLowerInvariant(),
    };
}

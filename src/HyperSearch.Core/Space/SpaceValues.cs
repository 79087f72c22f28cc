using System.Text.Json;
using System.Text.Json.Nodes;

namespace HyperSearch.Core.Space;

/// <summary>Comparison of the JSON values that choices and sampled parameters are made of.</summary>
public static class SpaceValues
{
    /// <summary>Equal as JSON values; numbers compare numerically so 2 equals 2.0.</summary>
    public static bool AreEqual(JsonNode? a, JsonNode? b)
    {
        if (a is JsonValue va && b is JsonValue vb
            && va.GetValueKind() == JsonValueKind.Number && vb.GetValueKind() == JsonValueKind.Number)
        {
            return Number(va) == Number(vb);
        }
        return JsonNode.DeepEquals(a, b);
    }

    /// <summary>The number a JSON value holds, or null when it is not a number.</summary>
    public static double? AsNumber(JsonNode? node) =>
        node is JsonValue v && v.GetValueKind() == JsonValueKind.Number ? Number(v) : null;

    // A JsonValue converts only to the CLR type it was made from (int, double, or a parsed element).
    private static double Number(JsonValue v) =>
        v.TryGetValue<double>(out var d) ? d
        : v.TryGetValue<int>(out var i) ? i
        : v.TryGetValue<long>(out var l) ? l
        : v.TryGetValue<JsonElement>(out var e) ? e.GetDouble()
        : double.Parse(v.ToJsonString(), System.Globalization.CultureInfo.InvariantCulture);
}

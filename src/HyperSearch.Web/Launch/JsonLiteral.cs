using System.Text.Json;
using System.Text.Json.Nodes;

namespace HyperSearch.Web.Launch;

/// <summary>Reads what a user typed in a value box: a JSON literal (0.5, [10, 20], true) or a bare word.</summary>
internal static class JsonLiteral
{
    public static JsonNode? Parse(string text)
    {
        var trimmed = text.Trim();
        try
        {
            return JsonNode.Parse(trimmed);
        }
        catch (JsonException)
        {
            return JsonValue.Create(trimmed);
        }
    }

    /// <summary>"1, 2" → [1, 2]; "[10, 20], [5]" keeps the brackets' lists together.</summary>
    public static JsonArray ParseList(string text)
    {
        try
        {
            if (JsonNode.Parse("[" + text + "]") is JsonArray array) return array;
        }
        catch (JsonException)
        {
            // Words without quotes: split on commas below.
        }

        return [.. text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(Parse)];
    }
}

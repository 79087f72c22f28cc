using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using HyperSearch.Core.Configuration;
using HyperSearch.Core.Json;

namespace HyperSearch.Web.Components.Shared;

/// <summary>A trial config as flat "path → value" pairs (for key-param columns and the compare diff).</summary>
public static class ConfigText
{
    public static SortedDictionary<string, string> Flatten(TrialConfig config)
    {
        var result = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var node = JsonSerializer.SerializeToNode(config, HyperJson.Options);
        Walk(node, "", result);
        return result;
    }

    /// <summary>The decay parameters, e.g. "tMax=30 etaMin=0".</summary>
    public static string KeyParams(TrialConfig config)
    {
        var node = JsonSerializer.SerializeToNode(config.Decay, HyperJson.Options) as JsonObject;
        if (node is null) return "";
        var parts = node.Where(p => p.Key != "type").Select(p => $"{p.Key}={Value(p.Value)}");
        var text = string.Join(" ", parts);
        if (config.Warmup is { } warmup) text += $" warmup={warmup.Steps}";
        if (config.Optimizer is { } optimizer) text += $" {optimizer.Type.ToString().ToLowerInvariant()}";
        return text.Trim();
    }

    private static void Walk(JsonNode? node, string path, IDictionary<string, string> result)
    {
        if (node is JsonObject obj)
        {
            foreach (var (key, value) in obj) Walk(value, path.Length == 0 ? key : $"{path}.{key}", result);
        }
        else
        {
            result[path] = Value(node);
        }
    }

    private static string Value(JsonNode? node)
    {
        if (node is JsonValue value && value.TryGetValue<double>(out var number))
            return number.ToString("G4", CultureInfo.InvariantCulture);
        return node?.ToJsonString().Trim('"') ?? "null";
    }
}

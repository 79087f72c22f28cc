using System.Text.Json;
using System.Text.Json.Nodes;
using HyperSearch.Core.Configuration;
using HyperSearch.Core.Json;

namespace HyperSearch.Core.Tests.Schedules;

/// <summary>One PyTorch reference run: our trial config, the metrics fed to plateau, the LRs PyTorch read.</summary>
public sealed record GoldenCase(string DecayType, string Name, TrialConfig Config, double[]? Metrics, double[] Lrs)
{
    public static GoldenCase FromJson(string decayType, JsonNode node) => new(
        decayType,
        node["name"]!.GetValue<string>(),
        // Through the product's own options: the golden configs double as config-format tests.
        node["config"].Deserialize<TrialConfig>(HyperJson.Options)!,
        node["metrics"]?.Deserialize<double[]>(),
        node["lrs"]!.Deserialize<double[]>()!);
}

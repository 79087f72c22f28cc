using System.Text.Json.Nodes;

namespace HyperSearch.Core.Tests.Sampling;

/// <summary>What Optuna's _ParzenEstimator held for one parameter: weights, then centres and bandwidths or categorical rows.</summary>
public sealed record TpeGoldenEstimator(double[] Weights, double[]? Mus, double[]? Sigmas, double[][]? Categorical)
{
    public static TpeGoldenEstimator FromJson(JsonNode node) => new(
        TpeGoldenFiles.Numbers(node["weights"]!),
        node["mus"] is { } mus ? TpeGoldenFiles.Numbers(mus) : null,
        node["sigmas"] is { } sigmas ? TpeGoldenFiles.Numbers(sigmas) : null,
        node["categorical"]?.AsArray().Select(row => TpeGoldenFiles.Numbers(row!)).ToArray());
}

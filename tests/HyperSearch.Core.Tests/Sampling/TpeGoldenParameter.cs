using System.Text.Json.Nodes;

namespace HyperSearch.Core.Tests.Sampling;

/// <summary>
/// One parameter of a golden case: Optuna's estimators of the good and the bad trials, the 24
/// candidates it drew from l(x) (category indices, or values as the space holds them), their log l
/// and log g, and the index it chose.
/// </summary>
public sealed record TpeGoldenParameter(string Path, TpeGoldenEstimator Below, TpeGoldenEstimator Above,
    double[] Candidates, double[] LogL, double[] LogG, int Chosen)
{
    public static TpeGoldenParameter FromJson(JsonNode node) => new(
        node["path"]!.GetValue<string>(),
        TpeGoldenEstimator.FromJson(node["below"]!),
        TpeGoldenEstimator.FromJson(node["above"]!),
        TpeGoldenFiles.Numbers(node["candidates"]!),
        TpeGoldenFiles.Numbers(node["logL"]!),
        TpeGoldenFiles.Numbers(node["logG"]!),
        node["chosen"]!.GetValue<int>());
}

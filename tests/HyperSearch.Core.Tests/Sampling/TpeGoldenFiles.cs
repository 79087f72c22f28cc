using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace HyperSearch.Core.Tests.Sampling;

/// <summary>Reads the committed gzipped golden JSON (copied next to the test assembly), once per run.</summary>
public static class TpeGoldenFiles
{
    private static readonly Lazy<IReadOnlyList<TpeGoldenCase>> Cases = new(Load);

    public static IReadOnlyList<TpeGoldenCase> All => Cases.Value;

    public static TpeGoldenCase Get(string name) => All.Single(c => c.Name == name);

    /// <summary>Numbers as the generator writes them: JSON numbers, or "Infinity"/"-Infinity".</summary>
    public static double[] Numbers(JsonNode node) => node.AsArray().Select(v => v!.GetValueKind() == JsonValueKind.String
        ? double.Parse(v.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture)
        : v.GetValue<double>()).ToArray();

    private static IReadOnlyList<TpeGoldenCase> Load()
    {
        var directory = Path.Combine(AppContext.BaseDirectory, "Sampling", "Golden");
        var cases = new List<TpeGoldenCase>();
        foreach (var file in Directory.GetFiles(directory, "tpe-*.json.gz").Order(StringComparer.Ordinal))
        {
            using var stream = new GZipStream(File.OpenRead(file), CompressionMode.Decompress);
            var doc = JsonNode.Parse(stream)!;
            // The sampler's pending trials are Optuna's constant liar; the files must have been made so.
            Assert.True(doc["constantLiar"]!.GetValue<bool>(), $"{file} was generated without constant_liar");
            cases.AddRange(doc["cases"]!.AsArray().Select(c => TpeGoldenCase.FromJson(c!)));
        }
        Assert.True(cases.Count >= 200, $"only {cases.Count} golden TPE cases under {directory}");
        return cases;
    }
}

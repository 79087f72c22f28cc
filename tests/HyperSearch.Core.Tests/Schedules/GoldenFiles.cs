using System.Text.Json.Nodes;

namespace HyperSearch.Core.Tests.Schedules;

/// <summary>Reads the committed golden JSON (copied next to the test assembly), once per run.</summary>
public static class GoldenFiles
{
    private static readonly Lazy<IReadOnlyList<GoldenCase>> Cases = new(Load);

    public static string Directory => Path.Combine(AppContext.BaseDirectory, "Schedules", "Golden");

    public static IReadOnlyList<GoldenCase> All => Cases.Value;

    public static GoldenCase Get(string decayType, string name) =>
        All.Single(c => c.DecayType == decayType && c.Name == name);

    private static IReadOnlyList<GoldenCase> Load()
    {
        var cases = new List<GoldenCase>();
        foreach (var file in System.IO.Directory.GetFiles(Directory, "*.json").Order(StringComparer.Ordinal))
        {
            var doc = JsonNode.Parse(File.ReadAllText(file))!;
            var decayType = doc["decayType"]!.GetValue<string>();
            cases.AddRange(doc["cases"]!.AsArray().Select(node => GoldenCase.FromJson(decayType, node!)));
        }

        return cases;
    }
}

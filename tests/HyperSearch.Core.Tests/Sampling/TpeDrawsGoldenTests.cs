using System.IO.Compression;
using System.Text.Json.Nodes;
using HyperSearch.Core.Sampling;
using HyperSearch.Core.Space;

namespace HyperSearch.Core.Tests.Sampling;

/// <summary>
/// What TpeGoldenTests cannot pin, because it rests on the random numbers: the candidates drawn from
/// l(x), hence the decay type and the values a whole trial comes out with. For each history of
/// Golden/draws-conditional.json.gz (scripts/golden/generate_tpe_draws_golden.py: a conditional space
/// of four decay types, each owning one float, stepped, integer or log parameter, plus a shared float
/// and a shared categorical; histories from Optuna's own TPE searches of it), Optuna 3.1's default
/// TPESampler suggested trial n + 1 with 400 seeds; the sampler here does the same with 400 seeds of its
/// own, and every parameter's two samples must pass a two-sample Kolmogorov–Smirnov test at α = 0.001
/// (categories as their index). The seeds are fixed, so the test is deterministic.
/// </summary>
public class TpeDrawsGoldenTests
{
    // c(α) of the two-sample KS test at α = 0.001: reject when D > c·√((n + m)/(n·m)).
    private const double KsCritical = 1.949;

    // Below this many draws of a branch-only parameter (its branch rarely chosen) the test has no power.
    private const int MinimumDraws = 40;

    private static readonly Lazy<IReadOnlyList<JsonNode>> Cases = new(Load);

    public static TheoryData<string> CaseNames => [.. Cases.Value.Select(c => c["name"]!.GetValue<string>())];

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void SuggestedTrial_SameHistory_DistributedAsOptunas(string name)
    {
        var node = Cases.Value.Single(c => c["name"]!.GetValue<string>() == name);
        var golden = TpeGoldenCase.FromJson(node);
        var theirs = node["draws"]!.AsArray().Select(d => d!.AsObject()).ToList();
        var sampler = new TpeSampler();
        var ours = Enumerable.Range(0, theirs.Count)
            .Select(seed => sampler.SamplePoint(golden.Space, golden.History, new SamplingContext(golden.History.Count + 1, seed, golden.Direction)))
            .ToList();

        var compared = 0;
        foreach (var path in theirs.SelectMany(d => d.Select(p => p.Key)).Distinct())
        {
            var dim = path == TpeDimension.DecayPath
                ? TpeDimension.DecayType(golden.Space)!
                : golden.Space.Decay.SelectMany(b => golden.Space.DimensionsOf(b.Type)).Where(d => d.Path == path).Select(TpeDimension.Of).First()!;
            var theirValues = theirs.Where(d => d.ContainsKey(path)).Select(d => Value(dim, d[path]!)).ToArray();
            var ourValues = ours.Select(p => path == TpeDimension.DecayPath ? JsonValue.Create(p.DecayType) : p.Values.GetValueOrDefault(path))
                .OfType<JsonNode>().Select(v => Value(dim, v)).ToArray();
            if (theirValues.Length < MinimumDraws || ourValues.Length < MinimumDraws)
            {
                // The branch is rarely chosen by one side; how often is checked through the decay type.
                continue;
            }
            var d = KolmogorovSmirnov(theirValues, ourValues);
            var critical = KsCritical * Math.Sqrt((double)(theirValues.Length + ourValues.Length) / (theirValues.Length * ourValues.Length));
            Assert.True(d <= critical, $"{name} {path}: KS distance {d:F3} > {critical:F3} (Optuna {theirValues.Length} draws, ours {ourValues.Length})");
            compared++;
        }
        Assert.True(compared >= 3, $"{name}: only {compared} parameters compared");
    }

    /// <summary>A drawn value as a number: a category's index, otherwise the value itself (not its log; KS does not care).</summary>
    private static double Value(TpeDimension dim, JsonNode value) =>
        dim.IsCategorical ? dim.Encode(value) ?? throw new InvalidDataException($"{value} is not a choice") : SpaceValues.AsNumber(value)!.Value;

    private static double KolmogorovSmirnov(double[] a, double[] b)
    {
        Array.Sort(a);
        Array.Sort(b);
        var (i, j, d) = (0, 0, 0.0);
        while (i < a.Length && j < b.Length)
        {
            var x = Math.Min(a[i], b[j]);
            while (i < a.Length && a[i] <= x)
            {
                i++;
            }
            while (j < b.Length && b[j] <= x)
            {
                j++;
            }
            d = Math.Max(d, Math.Abs((double)i / a.Length - (double)j / b.Length));
        }
        return d;
    }

    private static IReadOnlyList<JsonNode> Load()
    {
        var file = Path.Combine(AppContext.BaseDirectory, "Sampling", "Golden", "draws-conditional.json.gz");
        using var stream = new GZipStream(File.OpenRead(file), CompressionMode.Decompress);
        var cases = JsonNode.Parse(stream)!["cases"]!.AsArray().Select(c => c!).ToList();
        Assert.True(cases.Count >= 8, $"only {cases.Count} histories in {file}");
        return cases;
    }
}

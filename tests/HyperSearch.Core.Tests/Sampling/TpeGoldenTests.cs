using System.Text.Json.Nodes;
using HyperSearch.Core.Sampling;
using HyperSearch.Core.Space;

namespace HyperSearch.Core.Tests.Sampling;

/// <summary>
/// The TPE sampler against Optuna 3.1's default TPESampler (with constant_liar) on the committed golden
/// cases (scripts/golden/generate_tpe_golden.py): the same n and good/bad split, the same Parzen
/// estimators for every parameter, and among Optuna's own 24 candidates the same scores and the same
/// choice. The generator rounds computed numbers to 12 significant digits, hence the 1e-9 tolerance.
/// </summary>
public class TpeGoldenTests
{
    private const double Tolerance = 1e-9;

    public static TheoryData<string> AllCases => [.. TpeGoldenFiles.All.Select(c => c.Name)];

    public static TheoryData<string> ModelledCases => [.. TpeGoldenFiles.All.Where(c => !c.Startup).Select(c => c.Name)];

    [Theory]
    [MemberData(nameof(AllCases))]
    public void Split_GoldenHistory_EqualsOptunas(string name)
    {
        var golden = TpeGoldenFiles.Get(name);

        var split = Split(golden);

        Assert.Equal(golden.Finished, split.Finished);
        Assert.Equal(golden.Startup, split.Finished < TpeOptions.Default.StartupTrials);
        if (!golden.Startup)
        {
            Assert.Equal(golden.NBelow, TpeSplit.Gamma(split.Finished));
            Assert.Equal(golden.Below, split.Below.Select(o => o.Number));
            Assert.Equal(golden.Above, split.Above.Select(o => o.Number));
        }
    }

    [Theory]
    [MemberData(nameof(ModelledCases))]
    public void Estimators_GoldenHistory_EqualOptunas(string name)
    {
        var golden = TpeGoldenFiles.Get(name);
        var split = Split(golden);

        foreach (var parameter in golden.Parameters)
        {
            var (below, above) = split.Estimators(Dimension(golden.Space, parameter.Path));

            AssertEstimator($"{parameter.Path} below", parameter.Below, below);
            AssertEstimator($"{parameter.Path} above", parameter.Above, above);
        }
    }

    [Theory]
    [MemberData(nameof(ModelledCases))]
    public void Candidates_OptunasDraws_SameScoresAndSameChoice(string name)
    {
        var golden = TpeGoldenFiles.Get(name);
        var split = Split(golden);

        foreach (var parameter in golden.Parameters)
        {
            var dim = Dimension(golden.Space, parameter.Path);
            var (l, g) = split.Estimators(dim);
            var xs = parameter.Candidates.Select(c => dim.IsCategorical ? c : dim.Encode(JsonValue.Create(c))!.Value).ToArray();
            var logL = xs.Select(l.LogPdf).ToArray();
            var logG = xs.Select(g.LogPdf).ToArray();
            var scores = logL.Zip(logG, (a, b) => a - b).ToArray();
            var chosen = Array.IndexOf(scores, scores.Max());

            AssertClose($"{parameter.Path} log l", parameter.LogL, logL);
            AssertClose($"{parameter.Path} log g", parameter.LogG, logG);
            var optunaScore = (int i) => parameter.LogL[i] - parameter.LogG[i];
            // The same candidate, or one Optuna scored equal to it (a tie its rounding broke otherwise).
            Assert.True(chosen == parameter.Chosen || Math.Abs(optunaScore(chosen) - optunaScore(parameter.Chosen)) < Tolerance,
                $"{parameter.Path}: chose candidate {chosen} ({parameter.Candidates[chosen]}), Optuna {parameter.Chosen} ({parameter.Candidates[parameter.Chosen]})");
        }
    }

    private static TpeSplit Split(TpeGoldenCase golden) =>
        new(TpeObservation.From(golden.Space, golden.History, golden.Direction));

    private static TpeDimension Dimension(SearchSpace space, string path) =>
        (path == TpeDimension.DecayPath
            ? TpeDimension.DecayType(space)
            : space.Decay.SelectMany(b => space.DimensionsOf(b.Type)).Where(d => d.Path == path).Select(TpeDimension.Of).First())
        ?? throw new InvalidOperationException($"{path} is not modelled");

    private static void AssertEstimator(string what, TpeGoldenEstimator expected, ParzenEstimator actual)
    {
        AssertClose($"{what} weights", expected.Weights, actual.Weights);
        if (expected.Categorical is { } rows)
        {
            Assert.Equal(rows.Length, actual.CategoricalWeights.Length);
            for (var j = 0; j < rows.Length; j++)
            {
                AssertClose($"{what} categorical row {j}", rows[j], actual.CategoricalWeights[j]);
            }
            return;
        }
        AssertClose($"{what} mus", expected.Mus!, actual.Mus);
        AssertClose($"{what} sigmas", expected.Sigmas!, actual.Sigmas);
    }

    private static void AssertClose(string what, double[] expected, double[] actual)
    {
        Assert.True(expected.Length == actual.Length, $"{what}: {actual.Length} values, Optuna {expected.Length}");
        for (var i = 0; i < expected.Length; i++)
        {
            var ok = expected[i] == actual[i] || Math.Abs(expected[i] - actual[i]) <= Tolerance * Math.Max(1, Math.Abs(expected[i]));
            Assert.True(ok, $"{what}[{i}]: {actual[i]:R}, Optuna {expected[i]:R}");
        }
    }
}

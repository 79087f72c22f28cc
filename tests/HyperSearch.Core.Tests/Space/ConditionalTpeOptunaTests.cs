using HyperSearch.Core.Configuration;
using HyperSearch.Core.Sampling;
using HyperSearch.Core.Trials;
using static HyperSearch.Core.Tests.Sampling.SamplingFixtures;

namespace HyperSearch.Core.Tests.Space;

/// <summary>
/// TPE on a conditional space against Optuna 3.1 itself: scripts/golden/check_conditional_tpe.py adds the same
/// 40 trials of a define-by-run pytorch_simple objective to an Optuna study (layer k's parameters only where
/// n_layers > k) and prints, per conditional parameter, the trials its l(x) and g(x) are fitted on (Optuna masks
/// the trials without it out after the good/bad split) and the kernels; these numbers are its output.
/// </summary>
public sealed class ConditionalTpeOptunaTests
{
    private static List<TrialSnapshot> History() => Enumerable.Range(1, 40).Select(i =>
    {
        var layers = 1 + i * 7 % 3;
        var ps = new Dictionary<string, double> { ["n_layers"] = layers };
        for (var k = 0; k < layers; k++)
        {
            ps[$"n_units_l{k}"] = 4 + (i * 37 + k * 11) % 125;
            ps[$"dropout_l{k}"] = 0.2 + (i * 13 + k * 5) % 31 / 100.0;
        }
        var value = Math.Abs(layers - 2) + Enumerable.Range(0, layers).Sum(k => Math.Pow(Math.Log2(ps[$"n_units_l{k}"] / 64), 2)) + i * 17 % 10 / 100.0;
        var config = new TrialConfig { InitialLr = 0.01, Decay = new ConstantDecay(), Params = ps };
        return new TrialSnapshot(i, config, TrialState.Completed, value);
    }).ToList();

    [Theory]
    [InlineData("params.n_units_l2", new int[] { }, new[] { 2, 5, 8, 11, 14, 17, 20, 23, 26, 29, 32, 35, 38 },
        new[] { 3.0543459364153214 }, new[] { 3.6031659358399066 },
        new[] { 4.605170185988091, 4.454347296253507, 4.276666119016055, 4.060443010546419, 3.784189633918261, 3.4011973816621555, 2.772588722239781, 4.844187086458591, 4.727387818712341, 4.59511985013459, 4.442651256490317, 4.2626798770413155, 4.04305126783455, 3.0543459364153214 }, new[] { 0.2402110623893271, 0.2402110623893271, 0.2402110623893271, 0.2402110623893271, 0.38299225225610556, 0.38299225225610556, 0.2817572141755402, 0.2402110623893271, 0.2402110623893271, 0.2402110623893271, 0.2402110623893271, 0.2402110623893271, 0.25886163391628925, 3.6031659358399066 })]
    [InlineData("params.dropout_l1", new[] { 1, 19, 22, 25 }, new[] { 2, 4, 5, 7, 8, 10, 11, 13, 14, 16, 17, 20, 23, 26, 28, 29, 31, 32, 34, 35, 37, 38, 40 },
        new[] { 0.38, 0.24000000000000002, 0.32, 0.4, 0.35 }, new[] { 0.049999999999999996, 0.07999999999999999, 0.07999999999999999, 0.049999999999999996, 0.3 },
        new[] { 0.2, 0.46, 0.28, 0.23, 0.36, 0.31, 0.44, 0.39, 0.21000000000000002, 0.47000000000000003, 0.29000000000000004, 0.37, 0.45, 0.22, 0.48000000000000004, 0.30000000000000004, 0.25, 0.38, 0.33, 0.46, 0.41000000000000003, 0.23, 0.49, 0.35 }, new[] { 0.012, 0.012, 0.030000000000000027, 0.01999999999999999, 0.012, 0.020000000000000018, 0.02999999999999997, 0.020000000000000018, 0.012, 0.012, 0.012, 0.012, 0.012, 0.012, 0.012, 0.012, 0.030000000000000027, 0.012, 0.020000000000000018, 0.012, 0.02999999999999997, 0.012, 0.012, 0.3 })]
    public void Estimators_ConditionalParameter_FittedOnOptunasTrialsWithOptunasKernels(
        string path, int[] belowTrials, int[] aboveTrials, double[] belowMus, double[] belowSigmas, double[] aboveMus, double[] aboveSigmas)
    {
        var split = new TpeSplit(TpeObservation.From(PytorchSimpleSpace, History(), ObjectiveDirection.Minimize));
        var dim = TpeDimension.Of(PytorchSimpleSpace.CommonDimensions.Single(d => d.Path == path))!;

        var (below, above) = split.Estimators(dim);

        Assert.Equal(belowTrials, split.Below.Where(o => o.Values.ContainsKey(path)).Select(o => o.Number));
        Assert.Equal(aboveTrials, split.Above.Where(o => o.Values.ContainsKey(path)).Select(o => o.Number));
        AssertClose(belowMus, below.Mus);
        AssertClose(belowSigmas, below.Sigmas);
        AssertClose(aboveMus, above.Mus);
        AssertClose(aboveSigmas, above.Sigmas);
    }

    private static void AssertClose(double[] expected, double[] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.True(Math.Abs(expected[i] - actual[i]) <= 1e-12 * Math.Max(1, Math.Abs(expected[i])), $"[{i}]: Optuna {expected[i]:R}, ours {actual[i]:R}");
        }
    }
}

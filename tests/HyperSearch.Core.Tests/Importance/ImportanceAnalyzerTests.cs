using HyperSearch.Core.Configuration;
using HyperSearch.Core.Importance;
using HyperSearch.Core.Sampling;
using HyperSearch.Core.Space;
using static HyperSearch.Core.Tests.Sampling.SamplingFixtures;

namespace HyperSearch.Core.Tests.Importance;

public class ImportanceAnalyzerTests
{
    private static readonly SearchSpace Space = Parse("""
        {
          "initialLr": { "low": 1e-4, "high": 1 },
          "decay": { "constant": {}, "step": { "stepSize": { "low": 2, "high": 20 }, "gamma": { "low": 0.1, "high": 0.9 } } },
          "optimizer": { "momentum": { "low": 0, "high": 0.99 } },
          "params": { "unused": { "low": -1, "high": 1 } }
        }
        """);

    private static ImportanceReport AnalyzeRandom(Func<TrialConfig, double> objective, int n = 200, int seed = 3)
    {
        var configs = Drive(new RandomSampler(), Space, n, seed, objective);
        return ImportanceAnalyzer.Analyze(Space, configs.Select(c => (c, objective(c))).ToList());
    }

    private static double Of(ImportanceReport report, string parameter) =>
        report.Parameters.Single(p => p.Parameter == parameter).Importance;

    private static double Momentum(TrialConfig c) => c.Optimizer!.Momentum;

    [Fact]
    public void Analyze_LrDominates_RanksLrFirstMomentumSecondAndUnusedNearZero()
    {
        var report = AnalyzeRandom(c => 4 * Math.Pow(Math.Log10(c.InitialLr) + 2, 2) + 3 * Momentum(c));

        Assert.Equal(200, report.Trials);
        Assert.Equal("initialLr", report.Parameters[0].Parameter);
        Assert.Equal("optimizer.momentum", report.Parameters[1].Parameter);
        Assert.True(Of(report, "initialLr") > 0.6, $"initialLr {Of(report, "initialLr"):F3}");
        Assert.True(Of(report, "params.unused") < 0.05, $"unused {Of(report, "params.unused"):F3}");
        Assert.True(Of(report, "decay") < 0.05, $"decay {Of(report, "decay"):F3}");
        Assert.Equal(1.0, report.Parameters.Sum(p => p.Importance), 9);
    }

    [Fact]
    public void Analyze_DecayTypeDecides_RanksDecayFirst()
    {
        var report = AnalyzeRandom(c => (c.Decay.Type == DecayTypes.Constant ? 1 : 0) + 0.01 * Momentum(c));

        // On ranks a clean two-way split explains at most 3/4 of the variance; momentum orders the rest.
        Assert.Equal("decay", report.Parameters[0].Parameter);
        Assert.Equal("optimizer.momentum", report.Parameters[1].Parameter);
        var decay = report.Parameters[0].Explained;
        Assert.True(decay is > 0.65 and <= 0.75, $"decay explains {decay:F3}");
    }

    [Fact]
    public void Analyze_BranchParameter_IsMeasuredOnItsBranchTrialsOnly()
    {
        // Within step trials gamma decides everything; constant trials sit in the middle.
        var report = AnalyzeRandom(c => c.Decay is StepDecay s ? 10 * Math.Pow(s.Gamma - 0.5, 2) : 0.8);
        var gamma = report.Parameters.Single(p => p.Parameter == "decay.step.gamma");

        Assert.Equal("decay.step.gamma", report.Parameters[0].Parameter);
        Assert.Equal(Drive(new RandomSampler(), Space, 200, 3, _ => 0).Count(c => c.Decay.Type == DecayTypes.Step), gamma.Trials);
        Assert.True(Of(report, "decay.step.stepSize") < 0.05, $"stepSize {Of(report, "decay.step.stepSize"):F3}");
    }

    [Fact]
    public void Analyze_TooFewTrials_SaysSoInsteadOfGuessing()
    {
        var report = AnalyzeRandom(c => c.InitialLr, n: ImportanceAnalyzer.MinTrials - 1);

        Assert.Empty(report.Parameters);
        Assert.Equal(ImportanceAnalyzer.MinTrials - 1, report.Trials);
        Assert.Contains($"at least {ImportanceAnalyzer.MinTrials}", report.Note);
    }

    [Fact]
    public void Analyze_NonFiniteValues_AreLeftOut()
    {
        var configs = Drive(new RandomSampler(), Space, 30, 1, _ => 0);
        var trials = configs.Select((c, i) => (c, i % 3 == 0 ? double.NaN : c.InitialLr)).ToList();

        Assert.Equal(20, ImportanceAnalyzer.Analyze(Space, trials).Trials);
    }
}

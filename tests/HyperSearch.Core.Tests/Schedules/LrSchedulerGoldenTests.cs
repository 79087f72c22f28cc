using HyperSearch.Core.Configuration;
using HyperSearch.Core.Schedules;

namespace HyperSearch.Core.Tests.Schedules;

/// <summary>Every decay type, step by step, against PyTorch 1.13 (scripts/golden/generate_lr_golden.py).</summary>
public class LrSchedulerGoldenTests
{
    private const double RelativeTolerance = 1e-9;

    public static TheoryData<string, string> Cases
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var c in GoldenFiles.All)
            {
                data.Add(c.DecayType, c.Name);
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Create_GoldenCase_MatchesPyTorchAtEveryStep(string decayType, string name)
    {
        var golden = GoldenFiles.Get(decayType, name);
        var scheduler = LrSchedulerFactory.Create(golden.Config);

        for (var t = 0; t < golden.Lrs.Length; t++)
        {
            var expected = golden.Lrs[t];
            var actual = scheduler.CurrentLr;
            var ok = expected == 0
                ? Math.Abs(actual) <= 1e-15
                : Math.Abs(actual - expected) <= RelativeTolerance * Math.Abs(expected);
            Assert.True(ok, $"{name} step {t}: expected {expected:R}, got {actual:R} (rel err {Math.Abs(actual - expected) / Math.Abs(expected):E2})");
            if (t + 1 < golden.Lrs.Length)
            {
                scheduler.Step(golden.Metrics?[t]);
            }
        }
    }

    [Fact]
    public void GoldenFiles_EveryDecayType_HasManyLongCases()
    {
        foreach (var type in DecayTypes.All)
        {
            var cases = GoldenFiles.All.Where(c => c.DecayType == type).ToList();
            Assert.True(cases.Count >= 15, $"{type}: only {cases.Count} golden cases");
            Assert.True(cases.Count(c => c.Config.Warmup is not null) >= 5, $"{type}: too few warmup cases");
            Assert.True(cases.Max(c => c.Lrs.Length) >= 200, $"{type}: no case of 200+ steps");
        }
    }

    [Fact]
    public void GoldenFiles_Coverage_IncludesTheHardCorners()
    {
        // Guards a regeneration that silently drops the cases the contract names.
        var all = GoldenFiles.All;
        Assert.Contains(all, c => c.Config.Decay is CosineDecay d && d.TMax * 3 < c.Lrs.Length);
        Assert.Contains(all, c => c.Config.Decay is CosineWarmRestartsDecay { TMult: > 1 } && c.Config.Warmup is not null);
        Assert.Contains(all, c => c.Config.Decay is OneCycleDecay { ThreePhase: true, AnnealStrategy: "cos" });
        Assert.Contains(all, c => c.Config.Decay is OneCycleDecay { ThreePhase: true, AnnealStrategy: "linear" });
        foreach (var mode in new[] { "triangular", "triangular2", "expRange" })
        {
            Assert.Contains(all, c => c.Config.Decay is CyclicDecay { StepSizeDown: not null } d && d.Mode == mode);
        }

        foreach (var thresholdMode in new[] { "rel", "abs" })
        {
            // Several actual reductions, with cooldown, in each threshold mode.
            Assert.Contains(all, c => c.Config.Decay is ReduceOnPlateauDecay { Cooldown: > 0 } d
                && d.ThresholdMode == thresholdMode && c.Lrs.Distinct().Count() >= 3);
        }

        Assert.Contains(all, c => c.Config.Decay is PolynomialDecay d && d.TotalIters < c.Lrs.Length - 1);
        Assert.Contains(all, c => c.Config.Decay is LinearDecay d && d.TotalIters < c.Lrs.Length - 1);
    }
}

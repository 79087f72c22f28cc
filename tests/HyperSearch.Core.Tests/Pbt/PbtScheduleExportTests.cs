using HyperSearch.Core.Configuration;
using HyperSearch.Core.Pbt;
using HyperSearch.Core.Schedules;

namespace HyperSearch.Core.Tests.Pbt;

public class PbtScheduleExportTests
{
    [Fact]
    public void ToPiecewise_PerturbedCosineLrs_ReplayBitForBit()
    {
        // What a PBT member trains with: cosine values, multiplied by 0.8/1.2 at each exploit.
        var rng = new Random(5);
        var lrs = new double[60];
        var scale = 0.037;
        for (var t = 0; t < lrs.Length; t++)
        {
            if (t % 4 == 0 && t > 0) scale *= rng.Next(2) == 0 ? 0.8 : 1.2;
            lrs[t] = scale * (1 + Math.Cos(Math.PI * t / lrs.Length)) / 2 + 1e-5;
        }
        var template = new TrialConfig
        {
            InitialLr = 0.05, Decay = new CosineDecay { TMax = 60 }, Warmup = new WarmupSpec { Steps = 2 },
            Optimizer = new OptimizerSpec { Momentum = 0.9 }, BatchSize = 32,
            Pbt = new PbtLineage { Member = 1, Generation = 3, StartEpoch = 6, EndEpoch = 8 },
        };

        var exported = PbtScheduleExport.ToPiecewise(lrs, template);

        Assert.Equal(lrs, LrSchedulePreview.Compute(exported, lrs.Length));
        Assert.Null(exported.Warmup);
        Assert.Null(exported.Pbt);
        Assert.Equal((template.Optimizer, template.BatchSize), (exported.Optimizer, exported.BatchSize));
        Assert.Empty(TrialConfigValidator.Validate(exported));
    }

    [Fact]
    public void ToPiecewise_StepsWhereLrChanges_AreTheMilestones()
    {
        double[] lrs = [0.1, 0.1, 0.08, 0.08, 0.08, 0.096];

        var decay = (PiecewiseDecay)PbtScheduleExport.ToPiecewise(lrs, Template).Decay;

        Assert.Equal([2, 5], decay.Milestones);
        Assert.Equal(3, decay.Factors.Count);
    }

    [Fact]
    public void ToPiecewise_ConstantLr_OneRepeatedFactor()
    {
        var exported = PbtScheduleExport.ToPiecewise([0.3, 0.3, 0.3], Template);

        Assert.Equal([0.3, 0.3, 0.3], LrSchedulePreview.Compute(exported, 3));
        Assert.Equal([1], ((PiecewiseDecay)exported.Decay).Milestones);
    }

    [Fact]
    public void ToPiecewise_ManyRandomSequences_AlwaysExact()
    {
        var rng = new Random(17);
        for (var i = 0; i < 500; i++)
        {
            var lrs = Enumerable.Range(0, 20).Select(_ => Math.Exp(rng.NextDouble() * 12 - 10)).ToArray();

            Assert.Equal(lrs, LrSchedulePreview.Compute(PbtScheduleExport.ToPiecewise(lrs, Template), lrs.Length));
        }
    }

    [Fact]
    public void DiscoveredLrs_Lineage_TakesEachSegmentsOwnEpochs()
    {
        // Member 0: trial 1 (epochs 1–2); trial 6 copied member 1's trial 2 (epochs 3–4); trial 9 continued it (5–6).
        var lineages = new Dictionary<int, PbtLineage>
        {
            [1] = new() { Member = 0, Generation = 0, StartEpoch = 0, EndEpoch = 2 },
            [2] = new() { Member = 1, Generation = 0, StartEpoch = 0, EndEpoch = 2 },
            [6] = new() { Member = 0, Generation = 1, StartEpoch = 2, EndEpoch = 4, ParentNumber = 2, CopiedFromMember = 1 },
            [9] = new() { Member = 0, Generation = 2, StartEpoch = 4, EndEpoch = 6, ParentNumber = 6 },
        };
        double? Lr(int number, int epoch) => number * 100 + epoch;

        var lrs = PbtScheduleExport.DiscoveredLrs(9, n => lineages[n], Lr);

        Assert.Equal([2, 6, 9], PbtScheduleExport.LineageOf(9, n => lineages[n]));
        Assert.Equal([201, 202, 603, 604, 905, 906], lrs);
    }

    private static TrialConfig Template => new() { InitialLr = 0.1, Decay = new ConstantDecay() };
}

using HyperSearch.Core.Configuration;
using HyperSearch.Core.Schedules;

namespace HyperSearch.Core.Tests.Schedules;

/// <summary>Behaviour the golden files cannot show: where PyTorch raises, and our contract's choices.</summary>
public class LrSchedulerFactoryTests
{
    [Fact]
    public void Create_OneCycleSteppedPastTotalSteps_HoldsFinalLr()
    {
        // PyTorch raises ValueError beyond totalSteps; a longer trial keeps the floor LR.
        var config = new TrialConfig
        {
            InitialLr = 0.1,
            Decay = new OneCycleDecay { MaxLr = 1.0, TotalSteps = 20, DivFactor = 10, FinalDivFactor = 100 },
        };

        var lrs = LrSchedulePreview.Compute(config, 40);

        Assert.All(lrs[21..], lr => Assert.Equal(1.0 / 10 / 100, lr));
    }

    [Fact]
    public void Create_OneCycleWithoutMaxLr_PeaksAtInitialLr()
    {
        var config = new TrialConfig { InitialLr = 0.2, Decay = new OneCycleDecay { TotalSteps = 50, PctStart = 0.3 } };

        var lrs = LrSchedulePreview.Compute(config, 50);

        Assert.Equal(0.2 / 25, lrs[0], 15);
        Assert.Equal(0.2, lrs.Max(), 12);
    }

    [Fact]
    public void Create_CyclicWithoutBaseLr_CyclesUpFromInitialLr()
    {
        var config = new TrialConfig { InitialLr = 0.01, Decay = new CyclicDecay { MaxLr = 0.1, StepSizeUp = 4 } };

        var lrs = LrSchedulePreview.Compute(config, 9);

        Assert.Equal(0.01, lrs[0], 15);
        Assert.Equal(0.1, lrs[4], 15);
        Assert.Equal(0.01, lrs[8], 15);
    }

    [Fact]
    public void Create_WarmupThenCosine_StartsAtStartFactorAndHandsOverAtMilestone()
    {
        var config = new TrialConfig
        {
            InitialLr = 0.05,
            Decay = new CosineDecay { TMax = 30 },
            Warmup = new WarmupSpec { Steps = 3, StartFactor = 0.1 },
        };

        var lrs = LrSchedulePreview.Compute(config, 5);

        Assert.Equal(0.005, lrs[0], 15);
        Assert.True(lrs[1] > lrs[0] && lrs[2] > lrs[1] && lrs[2] < 0.05);
        Assert.Equal(0.05, lrs[3], 15);
        Assert.True(lrs[4] < 0.05);
    }

    [Fact]
    public void Step_PlateauWithoutMetric_ThrowsNamingTheMetric()
    {
        var scheduler = LrSchedulerFactory.Create(new TrialConfig { InitialLr = 0.1, Decay = new ReduceOnPlateauDecay() });

        var error = Assert.Throws<ArgumentNullException>(() => scheduler.Step());

        Assert.Equal("metric", error.ParamName);
    }

    [Fact]
    public void Step_PlateauNaNMetric_CountsAsBadStep()
    {
        var scheduler = LrSchedulerFactory.Create(
            new TrialConfig { InitialLr = 0.1, Decay = new ReduceOnPlateauDecay { Factor = 0.5, Patience = 0 } });

        scheduler.Step(1.0);
        var before = scheduler.CurrentLr;
        scheduler.Step(double.NaN);

        Assert.Equal(0.1, before);
        Assert.Equal(0.05, scheduler.CurrentLr);
    }

    [Fact]
    public void Step_PlateauDuringWarmup_IgnoresMetrics()
    {
        var scheduler = LrSchedulerFactory.Create(new TrialConfig
        {
            InitialLr = 0.1,
            Decay = new ReduceOnPlateauDecay { Factor = 0.5, Patience = 0 },
            Warmup = new WarmupSpec { Steps = 3, StartFactor = 0.5 },
        });

        scheduler.Step(5.0);
        scheduler.Step(9.0);
        scheduler.Step(9.0);

        Assert.Equal(0.1, scheduler.CurrentLr);
    }

    [Fact]
    public void Create_InvalidConfig_ThrowsWithEveryProblem()
    {
        var config = new TrialConfig { InitialLr = -1, Decay = new CosineDecay { TMax = 0 } };

        var error = Assert.Throws<InvalidTrialConfigException>(() => LrSchedulerFactory.Create(config));

        Assert.Equal(["initialLr", "decay.tMax"], error.Errors.Select(e => e.Path));
        Assert.Contains("decay.tMax: must be ≥ 1", error.Message);
    }

    [Fact]
    public void Compute_PlateauWithTooFewMetrics_Throws()
    {
        var config = new TrialConfig { InitialLr = 0.1, Decay = new ReduceOnPlateauDecay() };

        var error = Assert.Throws<ArgumentException>(() => LrSchedulePreview.Compute(config, 10, [1, 2, 3]));

        Assert.Contains("needs 9 metrics", error.Message);
    }

    [Fact]
    public void Compute_StepDecay_ReturnsOneLrPerStep()
    {
        var config = new TrialConfig { InitialLr = 1, Decay = new StepDecay { StepSize = 2, Gamma = 0.5 } };

        var lrs = LrSchedulePreview.Compute(config, 5);

        Assert.Equal([1, 1, 0.5, 0.5, 0.25], lrs);
    }
}

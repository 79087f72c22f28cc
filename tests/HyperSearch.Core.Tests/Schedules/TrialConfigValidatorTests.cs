using HyperSearch.Core.Configuration;
using HyperSearch.Core.Schedules;

namespace HyperSearch.Core.Tests.Schedules;

public class TrialConfigValidatorTests
{
    private static IReadOnlyList<string> Problems(DecaySpec decay, double initialLr = 0.1, WarmupSpec? warmup = null) =>
        TrialConfigValidator.Validate(new TrialConfig { InitialLr = initialLr, Decay = decay, Warmup = warmup })
            .Select(e => e.ToString()).ToList();

    [Fact]
    public void Validate_EveryGoldenConfig_ReturnsNoErrors()
    {
        foreach (var golden in GoldenFiles.All)
        {
            Assert.True(TrialConfigValidator.Validate(golden.Config).Count == 0, golden.Name);
        }
    }

    [Fact]
    public void Validate_CosineTMaxZero_NamesTheField()
    {
        Assert.Equal(["decay.tMax: must be ≥ 1; got 0"], Problems(new CosineDecay { TMax = 0 }));
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(0.0)]
    [InlineData(-0.1)]
    [InlineData(double.PositiveInfinity)]
    public void Validate_BadInitialLr_ReportsInitialLr(double lr)
    {
        var problem = Assert.Single(Problems(new ConstantDecay(), lr));

        Assert.StartsWith("initialLr: must be a finite number > 0", problem);
    }

    [Fact]
    public void Validate_SeveralProblems_ReportsEachWithItsPath()
    {
        var problems = Problems(
            new StepDecay { StepSize = 0, Gamma = 1.5 }, warmup: new WarmupSpec { Steps = 0, StartFactor = 0 });

        Assert.Equal(["decay.stepSize", "decay.gamma", "warmup.steps", "warmup.startFactor"],
            problems.Select(p => p[..p.IndexOf(':')]));
    }

    [Fact]
    public void Validate_MilestonesNotIncreasing_PointsAtTheEntry()
    {
        var problems = Problems(new MultiStepDecay { Milestones = [5, 0, 3, 3] });

        Assert.Contains(problems, p => p.StartsWith("decay.milestones[1]: must be ≥ 1"));
        Assert.Contains(problems, p => p.StartsWith("decay.milestones[3]: must be greater than the previous"));
    }

    [Fact]
    public void Validate_OneCyclePctStartTimesTotalStepsIsOne_Rejected()
    {
        // PyTorch divides by zero at step 0 for this combination.
        var problem = Assert.Single(Problems(new OneCycleDecay { TotalSteps = 10, PctStart = 0.1 }));

        Assert.StartsWith("decay.pctStart:", problem);
    }

    [Fact]
    public void Validate_UnknownStringOptions_ListsAllowedValues()
    {
        Assert.Equal(["decay.mode: must be one of triangular, triangular2, expRange; got 'exp_range'"],
            Problems(new CyclicDecay { MaxLr = 1, Mode = "exp_range" }));
        Assert.Equal(["decay.thresholdMode: must be one of rel, abs; got 'relative'"],
            Problems(new ReduceOnPlateauDecay { ThresholdMode = "relative" }));
        Assert.Equal(["decay.annealStrategy: must be one of cos, linear; got 'cosine'"],
            Problems(new OneCycleDecay { TotalSteps = 100, AnnealStrategy = "cosine" }));
    }

    [Fact]
    public void Validate_PlateauFactorOne_Rejected()
    {
        Assert.Equal(["decay.factor: must be < 1; got 1"], Problems(new ReduceOnPlateauDecay { Factor = 1 }));
    }

    [Fact]
    public void Validate_MissingDecay_ReportsDecayRequired()
    {
        Assert.Equal(["decay: is required"], Problems(null!));
    }

    [Fact]
    public void Validate_OptimizerAndTrainingFields_Checked()
    {
        var config = new TrialConfig
        {
            InitialLr = 0.1,
            Decay = new ConstantDecay(),
            Optimizer = new OptimizerSpec { Momentum = 1.0, Nesterov = false, Beta2 = 1.0 },
            BatchSize = 0,
            GradClipNorm = 0,
            GradClipValue = -1,
            LayerLrMultipliers = [1, -1],
        };

        var paths = TrialConfigValidator.Validate(config).Select(e => e.Path);

        Assert.Equal(["optimizer.momentum", "optimizer.beta2", "batchSize", "gradClipNorm", "gradClipValue", "layerLrMultipliers[1]"], paths);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Validate_GradClipValueNotPositiveFinite_NamesField(double value)
    {
        var config = new TrialConfig { InitialLr = 0.1, Decay = new ConstantDecay(), GradClipValue = value };

        var error = Assert.Single(TrialConfigValidator.Validate(config));

        Assert.Equal("gradClipValue", error.Path);
        Assert.Contains("> 0", error.Message);
    }

    [Fact]
    public void Validate_OptimizerOptionsOutOfRange_NamesEachField()
    {
        var config = new TrialConfig
        {
            InitialLr = 0.1,
            Decay = new ConstantDecay(),
            Optimizer = new OptimizerSpec { Momentum = 0.9, Nesterov = true, Dampening = 1.5, Eps = 0, LrDecay = -1, InitialAccumulatorValue = -0.1 },
        };

        var problems = TrialConfigValidator.Validate(config).Select(e => $"{e.Path}: {e.Message}").ToList();

        Assert.Equal(
        [
            "optimizer.nesterov: needs dampening = 0",
            "optimizer.dampening: must be in [0, 1]; got 1.5",
            "optimizer.eps: must be a finite number > 0; got 0",
            "optimizer.lrDecay: must be a finite number ≥ 0; got -1",
            "optimizer.initialAccumulatorValue: must be a finite number ≥ 0; got -0.1",
        ], problems);
    }

    [Theory]
    [InlineData(OptimizerType.Sgd, 0.0, 1e-8)]
    [InlineData(OptimizerType.Adam, 0.0, 1e-8)]
    [InlineData(OptimizerType.AdamW, 0.01, 1e-8)]
    [InlineData(OptimizerType.RmsProp, 0.0, 1e-8)]
    [InlineData(OptimizerType.Adagrad, 0.0, 1e-10)]
    public void OptimizerSpec_AbsentWeightDecayAndEps_ArePyTorchDefaultsOfTheType(OptimizerType type, double weightDecay, double eps)
    {
        var spec = new OptimizerSpec { Type = type };

        Assert.Equal((weightDecay, eps), (spec.EffectiveWeightDecay, spec.EffectiveEps));
        Assert.Equal((0.5, 1e-3), ((spec with { WeightDecay = 0.5, Eps = 1e-3 }).EffectiveWeightDecay, (spec with { WeightDecay = 0.5, Eps = 1e-3 }).EffectiveEps));
    }
}

using HyperSearch.Core.Configuration;
using HyperSearch.Core.Json;
using HyperSearch.Core.Schedules;
using HyperSearch.Core.Space;

namespace HyperSearch.Core.Tests.Schedules;

/// <summary>
/// <c>piecewise</c> = PyTorch <c>LambdaLR(lambda t: factors[bisect_right(milestones, t)])</c>: each LR is
/// one product initialLr · factor, the same IEEE operation PyTorch performs, so the expectations are exact.
/// </summary>
public class PiecewiseScheduleTests
{
    [Fact]
    public void Compute_Milestones_SwitchFactorAtEachMilestone()
    {
        var config = new TrialConfig
        {
            InitialLr = 0.3,
            Decay = new PiecewiseDecay { Milestones = [2, 5], Factors = [1.0, 0.37, 0.011] },
        };

        var lrs = LrSchedulePreview.Compute(config, 8);

        double[] expected = [0.3 * 1.0, 0.3 * 1.0, 0.3 * 0.37, 0.3 * 0.37, 0.3 * 0.37, 0.3 * 0.011, 0.3 * 0.011, 0.3 * 0.011];
        Assert.Equal(expected, lrs);
    }

    [Fact]
    public void Compute_NoMilestones_IsConstantFactor()
    {
        var config = new TrialConfig { InitialLr = 0.1, Decay = new PiecewiseDecay { Milestones = [], Factors = [0.7] } };

        Assert.All(LrSchedulePreview.Compute(config, 5), lr => Assert.Equal(0.1 * 0.7, lr));
    }

    [Fact]
    public void Compute_WithWarmup_FollowsSequentialLrAndRestartsAtMilestone()
    {
        // SequentialLR([LinearLR(0.5, 1, 2), LambdaLR(piecewise)], [2]): the piecewise schedule starts at t − 2.
        var config = new TrialConfig
        {
            InitialLr = 0.2,
            Decay = new PiecewiseDecay { Milestones = [1], Factors = [0.9, 0.3] },
            Warmup = new WarmupSpec { Steps = 2, StartFactor = 0.5 },
        };

        var lrs = LrSchedulePreview.Compute(config, 5);

        Assert.Equal(0.2 * 0.5, lrs[0]);
        Assert.Equal(0.2 * 0.9, lrs[2]);
        Assert.Equal(0.2 * 0.3, lrs[3]);
        Assert.Equal(0.2 * 0.3, lrs[4]);
    }

    [Fact]
    public void Json_RoundTrip_KeepsMilestonesAndFactors()
    {
        const string json = """{"initialLr":0.1,"decay":{"type":"piecewise","milestones":[3],"factors":[1,0.25]}}""";

        var config = System.Text.Json.JsonSerializer.Deserialize<TrialConfig>(json, HyperJson.Options)!;

        var decay = Assert.IsType<PiecewiseDecay>(config.Decay);
        Assert.Equal([3], decay.Milestones);
        Assert.Equal([1.0, 0.25], decay.Factors);
    }

    [Fact]
    public void Validate_FactorCountNotMilestonesPlusOne_NamesFactors()
    {
        var config = new TrialConfig { InitialLr = 0.1, Decay = new PiecewiseDecay { Milestones = [3, 6], Factors = [1, 0.5] } };

        var errors = TrialConfigValidator.Validate(config);

        Assert.Contains(errors, e => e.Path == "decay.factors" && e.Message.Contains("one more entry than milestones", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(-0.5, "decay.factors[1]")]
    [InlineData(double.NaN, "decay.factors[1]")]
    public void Validate_BadFactor_NamesTheEntry(double factor, string path)
    {
        var config = new TrialConfig { InitialLr = 0.1, Decay = new PiecewiseDecay { Milestones = [3], Factors = [1, factor] } };

        Assert.Contains(TrialConfigValidator.Validate(config), e => e.Path == path);
    }

    [Fact]
    public void Validate_MilestonesNotIncreasing_NamesTheEntry()
    {
        var config = new TrialConfig { InitialLr = 0.1, Decay = new PiecewiseDecay { Milestones = [4, 4], Factors = [1, 0.5, 0.1] } };

        Assert.Contains(TrialConfigValidator.Validate(config), e => e.Path == "decay.milestones[1]");
    }

    [Fact]
    public void SpaceReader_FactorsOutsideInterval_NamesTheEntry()
    {
        const string space = """{"initialLr":{"low":0.001,"high":0.1},"decay":{"piecewise":{"milestones":[5],"factors":[1,-2]}}}""";

        var (_, errors) = SearchSpaceJson.Parse(space);

        Assert.Contains(errors, e => e.Path.EndsWith("factors[1]", StringComparison.Ordinal));
    }
}

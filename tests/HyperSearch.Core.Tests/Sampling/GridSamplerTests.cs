using HyperSearch.Core.Configuration;
using HyperSearch.Core.Sampling;
using HyperSearch.Core.Space;
using static HyperSearch.Core.Tests.Sampling.SamplingFixtures;

namespace HyperSearch.Core.Tests.Sampling;

public class GridSamplerTests
{
    private static readonly SearchSpace Small = Parse("""
        {
          "initialLr": { "low": 1e-4, "high": 1 },
          "decay": {
            "step": { "stepSize": { "low": 10, "high": 30 }, "gamma": [0.1, 0.5] },
            "cosine": { "tMax": 50 },
            "constant": {}
          },
          "batchSize": [32, 64]
        }
        """);

    [Fact]
    public void Count_ConditionalSpace_SumsProductsPerBranch()
    {
        // step: lr 3 × batch 2 × stepSize 3 × gamma 2 = 36; cosine: 3 × 2 = 6; constant: 6.
        Assert.Equal(48, GridSampler.Count(Small, 3));
        Assert.Equal(4 * 2 * 4 * 2 + 4 * 2 + 4 * 2, GridSampler.Count(Small, 4));
    }

    [Fact]
    public void Sample_WholeGrid_VisitsEveryPointOnceThenReturnsNull()
    {
        var configs = Drive(new GridSampler(3), Small, 100, seed: 0);

        Assert.Equal(48, configs.Count);
        Assert.Equal(48, configs.Select(ToJson).Distinct().Count());
        Assert.Equal(36, configs.Count(c => c.Decay is StepDecay));
        Assert.Equal([1e-4, 1e-2, 1], configs.Select(c => c.InitialLr).Distinct().Order().Select(v => Math.Round(v, 12)));
        Assert.Equal([10, 20, 30], configs.OfType<TrialConfig>().Select(c => c.Decay).OfType<StepDecay>().Select(s => s.StepSize).Distinct().Order());
        Assert.Null(new GridSampler(3).Sample(Small, [], new SamplingContext(49, 0, ObjectiveDirection.Minimize)));
    }

    [Fact]
    public void Sample_TrialNumber_IndependentOfHistory()
    {
        var fromEmpty = new GridSampler(3).Sample(Small, [], new SamplingContext(17, 0, ObjectiveDirection.Minimize));
        var sequential = Drive(new GridSampler(3), Small, 17, seed: 0)[16];

        Assert.Equal(ToJson(sequential), ToJson(fromEmpty!));
    }

    [Fact]
    public void Count_IntRangeNarrowerThanPoints_DeduplicatesRoundedValues()
    {
        var space = Parse("""{ "initialLr": 0.1, "decay": { "step": { "stepSize": { "low": 1, "high": 2 } } } }""");

        Assert.Equal(2, GridSampler.Count(space, 5));
    }

    [Fact]
    public void Count_FloatWithStep_SnapsToStepGrid()
    {
        var space = Parse("""{ "initialLr": 0.1, "decay": { "exponential": { "gamma": { "low": 0.5, "high": 0.9, "step": 0.2 } } } }""");
        var gammas = Drive(new GridSampler(5), space, 10, seed: 0).Select(c => ((ExponentialDecay)c.Decay).Gamma);

        Assert.Equal([0.5, 0.7, 0.9], gammas);
    }

    [Fact]
    public void Create_ZeroPoints_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new GridSampler(0));

    // A million points per range used to be enumerated (and each compared with every other) before
    // anything checked the number: a server thread spun for hours per keystroke in the launch form.
    [Fact(Timeout = 10_000)]
    public async Task Count_MorePointsThanTheLimit_ThrowsAtOnce()
    {
        var count = Task.Run(() => GridSampler.Count(Small, 1_000_000));

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => count);
        Assert.Throws<ArgumentOutOfRangeException>(() => new GridSampler(GridSampler.MaxPointsPerRange + 1));
    }

    [Fact]
    public void Count_TheLimitOnEveryRange_CountsEveryPoint()
    {
        var space = Parse("""{ "initialLr": { "low": 1e-4, "high": 1 }, "decay": { "exponential": { "gamma": { "low": 0.5, "high": 0.99 } } } }""");

        Assert.Equal(1_000_000, GridSampler.Count(space, GridSampler.MaxPointsPerRange));
    }
}

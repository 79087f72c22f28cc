using HyperSearch.Core.Configuration;
using HyperSearch.Core.Trials;
using HyperSearch.Training.Tests.Support;
using HyperSearch.Training.Workloads;

namespace HyperSearch.Training.Tests.Workloads;

public sealed class FashionWorkloadTests
{
    [Fact]
    public void LoadData_Split_SizesDisjointAndStable()
    {
        var options = new WorkloadOptions { FashionTrainSize = 4000, FashionValidationSize = 1000 };
        var first = new FashionMlpWorkload(options).LoadData();
        var second = new FashionCnnWorkload(options).LoadData();

        Assert.Equal(4000, first.Train.Count);
        Assert.Equal(1000, first.Validation.Count);
        Assert.Equal(10_000, first.Test.Count);
        Assert.Equal(first.Validation.Features, second.Validation.Features);
        Assert.Equal(first.Train.Labels, second.Train.Labels);
        Assert.All(first.Train.Labels!.CountBy(l => l), g => Assert.InRange(g.Value, 300, 500));
    }

    [Fact]
    public void Constructor_SplitTooLarge_NamesSizes()
    {
        var error = Assert.Throws<ArgumentException>(
            () => new FashionMlpWorkload(new WorkloadOptions { FashionTrainSize = 59_000, FashionValidationSize = 2000 }));

        Assert.Contains("59000", error.Message);
    }

    [Fact]
    public async Task TrainAsync_FashionMlpShortRun_SaneAccuracy()
    {
        var config = TrainerRun.Config(0.05, new OptimizerSpec { Momentum = 0.9 });
        var request = TrainerRun.Request(FashionMlpWorkload.WorkloadName, config, 2) with { Threads = 2 };

        var (outcome, epochs) = await TrainerRun.RunAsync(request);

        Assert.Equal(TrialState.Completed, outcome.State);
        // 4000 samples × 2 epochs: ~0.80 typical; chance is 0.10.
        Assert.True(epochs[^1].ValAccuracy > 0.75, $"accuracy {epochs[^1].ValAccuracy}");
    }

    [Fact]
    public async Task TrainAsync_FashionCnnOneEpoch_LearnsSomething()
    {
        var config = TrainerRun.Config(0.05, new OptimizerSpec { Momentum = 0.9 }) with { BatchSize = 64 };
        var request = TrainerRun.Request(FashionCnnWorkload.WorkloadName, config, 1) with { Threads = 2 };

        var (outcome, epochs) = await TrainerRun.RunAsync(request);

        Assert.Equal(TrialState.Completed, outcome.State);
        Assert.True(epochs[0].ValAccuracy > 0.6, $"accuracy {epochs[0].ValAccuracy}");
    }
}

using HyperSearch.Core.Configuration;
using HyperSearch.Training.LrFinder;
using HyperSearch.Training.Tests.Support;
using HyperSearch.Training.Trainer;
using HyperSearch.Training.Workloads;

namespace HyperSearch.Training.Tests.LrFinder;

public sealed class LrRangeTestTests
{
    [Fact]
    public async Task RunAsync_SyntheticRegression_StopsOnBlowUpAndSuggestsStableLr()
    {
        var finder = new LrRangeTest(TrainerRun.Registry);

        var result = await finder.RunAsync(
            // Batches of 128: at batch 32 the loss noise of this small quadratic alone makes steep slopes at tiny LRs.
            SyntheticRegressionWorkload.WorkloadName, new LrRangeTestOptions { MinLr = 1e-5, MaxLr = 100, Steps = 150, BatchSize = 128 });

        Assert.True(result.StoppedOnDivergence);
        Assert.True(result.Points.Count < 150);
        // Plain SGD on this quadratic is stable below lr ≈ 1 and very slow below 1e-3.
        Assert.InRange(result.SuggestedLr!.Value, 1e-3, 1);
        Assert.True(result.RangeLow < result.SuggestedLr && result.RangeHigh >= result.SuggestedLr);
        // The LR grows geometrically from min.
        Assert.Equal(1e-5, result.Points[0].Lr, 15);
        Assert.Equal(result.Points[2].Lr / result.Points[1].Lr, result.Points[1].Lr / result.Points[0].Lr, 9);
    }

    [Fact]
    public async Task RunAsync_ProgressAndSmoothing_FirstSmoothedEqualsFirstLoss()
    {
        var reported = new List<LrRangePoint>();
        var finder = new LrRangeTest(TrainerRun.Registry);

        var result = await finder.RunAsync(
            TwoSpiralsWorkload.WorkloadName,
            new LrRangeTestOptions { MinLr = 1e-4, MaxLr = 1e-2, Steps = 20 },
            new SynchronousProgress(reported.Add));

        Assert.Equal(20, result.Points.Count);
        Assert.Equal(result.Points, reported);
        // Bias correction makes the first smoothed value the raw loss itself.
        Assert.Equal(result.Points[0].Loss, result.Points[0].SmoothedLoss, 12);
    }

    [Fact]
    public async Task RunAsync_BadOptions_NamesFields()
    {
        var finder = new LrRangeTest(TrainerRun.Registry);

        var error = await Assert.ThrowsAsync<InvalidTrainingRequestException>(() => finder.RunAsync(
            SyntheticRegressionWorkload.WorkloadName, new LrRangeTestOptions { MinLr = 0, Steps = 3 }));

        Assert.Equal(["min", "steps"], error.Errors.Select(e => e.Path));
    }

    [Fact]
    public async Task RunAsync_BadOptimizerDeviceAndHugeSteps_NamesEveryFieldBeforeTraining()
    {
        var finder = new LrRangeTest(TrainerRun.Registry);
        var options = new LrRangeTestOptions
        {
            Steps = int.MaxValue,
            Optimizer = new OptimizerSpec { Type = OptimizerType.Adam, Momentum = double.NaN, Nesterov = true },
            BatchSize = 0,
            Device = "cuda:7",
            Threads = 0,
        };

        var error = await Assert.ThrowsAsync<InvalidTrainingRequestException>(
            () => finder.RunAsync("no-such-workload", options));

        Assert.Equal(
            ["batchSize", "device", "optimizer.momentum", "optimizer.nesterov", "steps", "threads", "workload"],
            error.Errors.Select(e => e.Path).Order());
    }

    private sealed class SynchronousProgress(Action<LrRangePoint> report) : IProgress<LrRangePoint>
    {
        public void Report(LrRangePoint value) => report(value);
    }
}

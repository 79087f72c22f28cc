using HyperSearch.Core.Configuration;
using HyperSearch.Core.Training;
using HyperSearch.Core.Trials;
using HyperSearch.Training.Tests.Support;
using HyperSearch.Training.Workloads;

namespace HyperSearch.Training.Tests.Trainer;

public sealed class TorchTrainerTests
{
    private const string Regression = SyntheticRegressionWorkload.WorkloadName;

    [Fact]
    public async Task TrainAsync_SyntheticRegression_ReachesNoiseFloor()
    {
        var (outcome, epochs) = await TrainerRun.RunAsync(TrainerRun.Request(Regression, TrainerRun.Config(0.05), 8));

        Assert.Equal(TrialState.Completed, outcome.State);
        Assert.Equal(8, epochs.Count);
        // The noise variance is 0.01: a fitted line gets there, a constant predictor sits at ≈ 4.
        Assert.InRange(epochs[^1].ValLoss, 0.005, 0.02);
        Assert.True(epochs[^1].ValAccuracy > 0.99, $"R² {epochs[^1].ValAccuracy}");
        Assert.True(epochs[0].TrainLoss > epochs[^1].TrainLoss);
    }

    [Fact]
    public async Task TrainAsync_TwoSpirals_LearnsNonconvexBoundary()
    {
        var config = TrainerRun.Config(0.01, new OptimizerSpec { Type = OptimizerType.Adam });
        var (outcome, epochs) = await TrainerRun.RunAsync(TrainerRun.Request(TwoSpiralsWorkload.WorkloadName, config, 40));

        Assert.Equal(TrialState.Completed, outcome.State);
        Assert.True(epochs[^1].ValAccuracy > 0.9, $"accuracy {epochs[^1].ValAccuracy}");
    }

    [Fact]
    public async Task TrainAsync_SameSeed_IdenticalCurve()
    {
        var config = TrainerRun.Config(0.02, new OptimizerSpec { Momentum = 0.9 });
        var request = TrainerRun.Request(TwoSpiralsWorkload.WorkloadName, config, 3, seed: 42);

        var (_, first) = await TrainerRun.RunAsync(request);
        var (_, second) = await TrainerRun.RunAsync(request);
        var (_, other) = await TrainerRun.RunAsync(request with { Seed = 43 });

        Assert.Equal(Curve(first), Curve(second));
        Assert.NotEqual(Curve(first), Curve(other));
    }

    [Fact]
    public async Task TrainAsync_ConcurrentRunsSameSeed_IdenticalCurves()
    {
        // Two CPU slots start trials at once: each must still get exactly its seed's weights.
        var config = TrainerRun.Config(0.02, new OptimizerSpec { Momentum = 0.9 });
        var request = TrainerRun.Request(TwoSpiralsWorkload.WorkloadName, config, 2, seed: 5);

        var runs = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => TrainerRun.RunAsync(request)));

        Assert.All(runs, r => Assert.Equal(Curve(runs[0].Epochs), Curve(r.Epochs)));
    }

    [Fact]
    public async Task TrainAsync_HugeLr_Diverged()
    {
        var (outcome, epochs) = await TrainerRun.RunAsync(TrainerRun.Request(Regression, TrainerRun.Config(1e6), 5));

        Assert.Equal(TrialState.Diverged, outcome.State);
        Assert.Equal(1, outcome.EpochsRun);
        Assert.False(double.IsFinite(epochs[^1].TrainLoss));
        Assert.Contains("epoch 1", outcome.Message);
    }

    [Fact]
    public async Task TrainAsync_GradClip_KeepsUnstableLrFinite()
    {
        // lr 1.5 is past the stability limit (≈ 1) of this quadratic: plain SGD blows up.
        var unclipped = await TrainerRun.RunAsync(TrainerRun.Request(Regression, TrainerRun.Config(1.5), 3));
        var clipped = await TrainerRun.RunAsync(
            TrainerRun.Request(Regression, TrainerRun.Config(1.5) with { GradClipNorm = 0.1 }, 3));

        Assert.Equal(TrialState.Diverged, unclipped.Outcome.State);
        Assert.Equal(TrialState.Completed, clipped.Outcome.State);
        Assert.True(clipped.Epochs[^1].ValLoss < 1, $"val loss {clipped.Epochs[^1].ValLoss}");
    }

    [Fact]
    public async Task TrainAsync_CancelledAfterFirstEpoch_ReturnsCancelled()
    {
        using var cts = new CancellationTokenSource();
        var (outcome, epochs) = await TrainerRun.RunAsync(
            TrainerRun.Request(Regression, TrainerRun.Config(0.05), 10),
            onEpoch: _ =>
            {
                cts.Cancel();
                return true;
            },
            cancellationToken: cts.Token);

        Assert.Equal(TrialState.Cancelled, outcome.State);
        Assert.Equal(1, outcome.EpochsRun);
        Assert.Single(epochs);
    }

    [Fact]
    public async Task TrainAsync_CallbackSaysStop_Pruned()
    {
        var (outcome, epochs) = await TrainerRun.RunAsync(
            TrainerRun.Request(Regression, TrainerRun.Config(0.05), 10), onEpoch: r => r.Epoch < 2);

        Assert.Equal(TrialState.Pruned, outcome.State);
        Assert.Equal(2, outcome.EpochsRun);
        Assert.Equal(2, epochs.Count);
    }

    [Fact]
    public async Task TrainAsync_BatchUnit_StepsSchedulerEveryBatchAndReportsLastLr()
    {
        var scheduler = new RecordingScheduler(0.05, factor: 0.99);
        var request = TrainerRun.Request(Regression, TrainerRun.Config(0.05), 2) with { ScheduleUnit = ScheduleUnit.Batch };

        var (_, epochs) = await TrainerRun.RunAsync(request, scheduler: scheduler);

        // 1024 samples at batch 32 = 32 batches per epoch.
        Assert.Equal(64, scheduler.Steps);
        Assert.Equal(0.05 * Math.Pow(0.99, 63), epochs[^1].Lr, 12);
    }

    [Fact]
    public async Task TrainAsync_EpochUnit_StepsOncePerEpoch()
    {
        var scheduler = new RecordingScheduler(0.05, factor: 0.5);

        var (_, epochs) = await TrainerRun.RunAsync(TrainerRun.Request(Regression, TrainerRun.Config(0.05), 3), scheduler: scheduler);

        Assert.Equal(3, scheduler.Steps);
        Assert.Equal([0.05, 0.025, 0.0125], epochs.Select(e => e.Lr));
    }

    [Fact]
    public async Task TrainAsync_ReduceOnPlateau_StepsPerEpochWithValidationLoss()
    {
        var scheduler = new RecordingScheduler(0.05);
        var config = TrainerRun.Config(0.05) with { Decay = new ReduceOnPlateauDecay() };
        var request = TrainerRun.Request(Regression, config, 2) with { ScheduleUnit = ScheduleUnit.Batch };

        var (_, epochs) = await TrainerRun.RunAsync(request, scheduler: scheduler);

        Assert.Equal(epochs.Select(e => (double?)e.ValLoss), scheduler.Metrics);
    }

    [Fact]
    public async Task TrainAsync_LayerMultiplierZero_FreezesLayer()
    {
        var config = TrainerRun.Config(0.05) with { LayerLrMultipliers = [0.0] };

        var (_, epochs) = await TrainerRun.RunAsync(TrainerRun.Request(Regression, config, 2));

        Assert.Equal(epochs[0].ValLoss, epochs[1].ValLoss);
        Assert.True(epochs[1].ValLoss > 0.5, "an untrained line is far from y = 2x + 3");
    }

    [Fact]
    public async Task TrainAsync_EvaluateTestSet_ReportsTestMetrics()
    {
        var request = TrainerRun.Request(Regression, TrainerRun.Config(0.05), 5) with { EvaluateTestSet = true };

        var (outcome, _) = await TrainerRun.RunAsync(request);

        Assert.InRange(outcome.TestLoss!.Value, 0.005, 0.03);
        Assert.True(outcome.TestAccuracy > 0.99);
    }

    [Fact]
    public async Task TrainAsync_DefaultSchedulerFactory_FollowsCoreStepSchedule()
    {
        var trainer = new HyperSearch.Training.Trainer.TorchTrainer(TrainerRun.Registry);
        var config = TrainerRun.Config(0.05) with { Decay = new StepDecay { StepSize = 1, Gamma = 0.5 } };
        var lrs = new List<double>();

        var outcome = await trainer.TrainAsync(
            TrainerRun.Request(Regression, config, 3),
            r =>
            {
                lrs.Add(r.Lr);
                return ValueTask.FromResult(true);
            },
            CancellationToken.None);

        Assert.Equal(TrialState.Completed, outcome.State);
        Assert.Equal([0.05, 0.025, 0.0125], lrs);
    }

    private static List<(double, double, double)> Curve(List<EpochReport> epochs) =>
        epochs.Select(e => (e.TrainLoss, e.ValLoss, e.ValAccuracy)).ToList();
}

using HyperSearch.Core.Configuration;
using HyperSearch.Core.Training;
using HyperSearch.Core.Trials;
using HyperSearch.Training.Checkpoints;
using HyperSearch.Training.Tests.Support;
using HyperSearch.Training.Trainer;
using HyperSearch.Training.Workloads;

namespace HyperSearch.Training.Tests.Checkpoints;

/// <summary>
/// Checkpoints with the real trainer: a run stopped after epoch k and started again resumes after its
/// last checkpoint with exactly the curve of an uninterrupted run (model, optimizer state, RNG and LR
/// schedule position all restored); a damaged checkpoint restarts the run with a warning.
/// </summary>
public sealed class CheckpointResumeTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("hs-ckpt-").FullName;

    // Momentum (optimizer state), a schedule that moves every epoch and dropout (the trial's generator),
    // so nothing can be left unrestored.
    private static readonly TrialConfig Config = new()
    {
        InitialLr = 0.1,
        Decay = new StepDecay { StepSize = 1, Gamma = 0.7 },
        Optimizer = new OptimizerSpec { Type = OptimizerType.Adam, WeightDecay = 1e-4 },
        Params = new Dictionary<string, double> { ["dropout"] = 0.2 },
    };

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Theory]
    [InlineData(ScheduleUnit.Epoch, 1, 2)]
    [InlineData(ScheduleUnit.Batch, 2, 3)]
    public async Task TrainAsync_StoppedThenRestarted_ResumesAfterCheckpointWithIdenticalCurve(ScheduleUnit unit, int every, int stopAfter)
    {
        var request = Request(unit);
        var (_, uninterrupted) = await RunAsync(request, new CheckpointStore(new CheckpointOptions { Directory = Path.Combine(_dir, "a") }));

        var store = new CheckpointStore(new CheckpointOptions { Directory = Path.Combine(_dir, "b"), EveryEpochs = every });
        using var stop = new CancellationTokenSource();
        var (interrupted, before) = await RunAsync(request, store, e => { if (e.Epoch == stopAfter) stop.Cancel(); }, stop.Token);
        var resumedAfter = -1;
        var (outcome, after) = await RunAsync(request with { OnStart = n => { resumedAfter = n; return ValueTask.CompletedTask; } }, store);

        Assert.Equal(TrialState.Cancelled, interrupted.State);
        var checkpointEpoch = stopAfter / every * every;
        Assert.Equal(checkpointEpoch, resumedAfter);
        Assert.Equal(Enumerable.Range(checkpointEpoch + 1, 5 - checkpointEpoch), after.Select(e => e.Epoch));
        Assert.Equal(TrialState.Completed, outcome.State);
        Assert.Null(outcome.Message);
        // Bit for bit: the same losses, metric and LR as the run that was never stopped.
        var resumed = before.Take(checkpointEpoch).Concat(after).ToList();
        Assert.Equal(uninterrupted.Select(e => (e.TrainLoss, e.ValLoss, e.ValAccuracy, e.Lr)), resumed.Select(e => (e.TrainLoss, e.ValLoss, e.ValAccuracy, e.Lr)));
        Assert.True(after[^1].ElapsedSeconds >= before[checkpointEpoch - 1].ElapsedSeconds, "elapsed time restarted instead of continuing");
    }

    [Fact]
    public async Task TrainAsync_CorruptCheckpoint_RestartsFromScratchWithWarning()
    {
        var store = new CheckpointStore(new CheckpointOptions { Directory = _dir });
        var request = Request(ScheduleUnit.Epoch);
        var (_, clean) = await RunAsync(request, new CheckpointStore(new CheckpointOptions { Directory = Path.Combine(_dir, "clean") }));
        await RunAsync(request with { Epochs = 2 }, store);
        var bytes = store.TryRead("trial-1")!;
        bytes[bytes.Length / 2] ^= 0xFF;
        store.Write("trial-1", bytes);
        var resumedAfter = -1;

        var (outcome, epochs) = await RunAsync(request with { OnStart = n => { resumedAfter = n; return ValueTask.CompletedTask; } }, store);

        Assert.Equal(0, resumedAfter);
        Assert.Equal(TrialState.Completed, outcome.State);
        Assert.Contains("checkpoint 'trial-1' could not be restored (checksum mismatch", outcome.Message);
        Assert.Contains("restarted from epoch 1", outcome.Message);
        Assert.Equal(clean.Select(e => e.TrainLoss), epochs.Select(e => e.TrainLoss));
    }

    [Fact]
    public async Task TrainAsync_CheckpointOfAnotherSeed_NotRestored()
    {
        var store = new CheckpointStore(new CheckpointOptions { Directory = _dir });
        await RunAsync(Request(ScheduleUnit.Epoch) with { Epochs = 2, Seed = 5 }, store);

        var (outcome, epochs) = await RunAsync(Request(ScheduleUnit.Epoch) with { Seed = 6 }, store);

        Assert.Equal(1, epochs[0].Epoch);
        Assert.Contains("belongs to another run", outcome.Message);
    }

    private static TrainingRequest Request(ScheduleUnit unit) =>
        TrainerRun.Request(TwoSpiralsWorkload.WorkloadName, Config, 5, seed: 3) with { ScheduleUnit = unit, CheckpointKey = "trial-1" };

    private static async Task<(TrainingOutcome Outcome, List<EpochReport> Epochs)> RunAsync(
        TrainingRequest request, CheckpointStore store, Action<EpochReport>? onEpoch = null, CancellationToken cancellationToken = default)
    {
        var reports = new List<EpochReport>();
        var trainer = new TorchTrainer(TrainerRun.Registry, checkpoints: store);
        var outcome = await trainer.TrainAsync(request, report =>
        {
            reports.Add(report);
            onEpoch?.Invoke(report);
            return ValueTask.FromResult(true);
        }, cancellationToken);
        return (outcome, reports);
    }
}

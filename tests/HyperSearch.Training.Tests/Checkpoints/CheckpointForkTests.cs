using HyperSearch.Core.Configuration;
using HyperSearch.Core.Schedules;
using HyperSearch.Core.Training;
using HyperSearch.Core.Trials;
using HyperSearch.Training.Checkpoints;
using HyperSearch.Training.Tests.Support;
using HyperSearch.Training.Trainer;
using HyperSearch.Training.Workloads;

namespace HyperSearch.Training.Tests.Checkpoints;

/// <summary>
/// PBT's fork: a run that starts from another run's checkpoint (<see cref="TrainingRequest.ForkFromKey"/>)
/// continues from its weights, optimizer state and epoch, under its own config's schedule at that epoch.
/// </summary>
public sealed class CheckpointForkTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("hs-fork-").FullName;

    private static readonly TrialConfig Config = new()
    {
        InitialLr = 0.1,
        Decay = new StepDecay { StepSize = 1, Gamma = 0.7 },
        Optimizer = new OptimizerSpec { Type = OptimizerType.Adam, WeightDecay = 1e-4 },
    };

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task TrainAsync_ForkWithSameConfigAndSeed_EqualsTheUninterruptedRun()
    {
        var store = new CheckpointStore(new CheckpointOptions { Directory = _dir });
        var (_, uninterrupted) = await RunAsync(Request(5, "whole"), store);
        await RunAsync(Request(2, "parent"), store);
        var startedAfter = -1;

        var (outcome, child) = await RunAsync(Request(5, "child") with
        {
            ForkFromKey = "parent",
            OnStart = n => { startedAfter = n; return ValueTask.CompletedTask; },
        }, store);

        Assert.Equal(TrialState.Completed, outcome.State);
        Assert.Equal(2, startedAfter);
        Assert.Equal([3, 4, 5], child.Select(e => e.Epoch));
        Assert.Equal(uninterrupted.Skip(2).Select(e => (e.TrainLoss, e.ValLoss, e.Lr)), child.Select(e => (e.TrainLoss, e.ValLoss, e.Lr)));
        Assert.True(store.Exists("child"));
    }

    [Fact]
    public async Task TrainAsync_ForkWithPerturbedConfig_FollowsItsScheduleFromTheParentsEpoch()
    {
        var store = new CheckpointStore(new CheckpointOptions { Directory = _dir });
        await RunAsync(Request(2, "parent"), store);
        var perturbed = Config with { InitialLr = 0.12, Decay = new StepDecay { StepSize = 1, Gamma = 0.56 } };

        var (_, child) = await RunAsync(Request(4, "child") with { Config = perturbed, ForkFromKey = "parent" }, store);

        var schedule = LrSchedulePreview.Compute(perturbed, 4);
        Assert.Equal([schedule[2], schedule[3]], child.Select(e => e.Lr));
    }

    [Fact]
    public async Task TrainAsync_ParentCheckpointMissing_FailsNamingIt()
    {
        var store = new CheckpointStore(new CheckpointOptions { Directory = _dir });

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => RunAsync(Request(4, "child") with { ForkFromKey = "trial-404" }, store));

        Assert.Contains("'trial-404' does not exist", error.Message);
    }

    private static TrainingRequest Request(int epochs, string key) =>
        TrainerRun.Request(TwoSpiralsWorkload.WorkloadName, Config, epochs, seed: 3) with { CheckpointKey = key };

    private static async Task<(TrainingOutcome Outcome, List<EpochReport> Epochs)> RunAsync(TrainingRequest request, CheckpointStore store)
    {
        var reports = new List<EpochReport>();
        var trainer = new TorchTrainer(TrainerRun.Registry, checkpoints: store);
        var outcome = await trainer.TrainAsync(request, report =>
        {
            reports.Add(report);
            return ValueTask.FromResult(true);
        }, CancellationToken.None);
        return (outcome, reports);
    }
}

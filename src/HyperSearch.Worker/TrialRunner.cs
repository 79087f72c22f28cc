using HyperSearch.Core.Searches;
using HyperSearch.Core.Searches.Queue;
using HyperSearch.Core.Training;
using HyperSearch.Core.Trials;
using Microsoft.Extensions.Logging;

namespace HyperSearch.Worker;

/// <summary>
/// Trains one claimed trial (resuming from its checkpoint when it has one): streams each epoch into the
/// store (which renews the lease), asks the
/// pruner after each epoch, observes cancellation through the token, and records how it ended —
/// or releases it on shutdown, or writes nothing when the lease was lost.
/// </summary>
public sealed class TrialRunner(IWorkQueue queue, ITrainer trainer, IPrunerProvider pruners, RunningTrials running, CheckpointRetention checkpoints, ILogger<TrialRunner> logger)
{
    public async Task RunAsync(ClaimedTrial trial, SlotRef slot, int threads, CancellationToken workerStopping)
    {
        var handle = running.Add(trial.Lease, workerStopping);
        try
        {
            var result = await TrainAsync(trial, slot, threads, handle);
            switch (handle.Reason)
            {
                case StopReason.Shutdown:
                    await queue.ReleaseAsync(trial.Lease, CancellationToken.None);
                    break;
                case StopReason.LeaseLost:
                    logger.LogWarning("Trial {TrialId} lost its lease; the retry owns it now", trial.Lease.TrialId);
                    break;
                default:
                    if (!await queue.FinishTrialAsync(trial.Lease, result, CancellationToken.None))
                        logger.LogWarning("Trial {TrialId} finished after its lease was lost; result dropped", trial.Lease.TrialId);
                    else
                        await checkpoints.OnFinishedAsync(trial);
                    break;
            }
        }
        finally
        {
            running.Remove(handle);
        }
    }

    private async Task<TrialResult> TrainAsync(ClaimedTrial trial, SlotRef slot, int threads, RunningTrial handle)
    {
        // A PBT segment is never pruned: its successors start from its checkpoint.
        var pbt = trial.Config.Pbt;
        var pruner = trial.Kind == TrialKind.Search && pbt is null ? pruners.Create(trial.Pruner) : null;
        var request = new TrainingRequest
        {
            Workload = trial.Workload,
            Config = trial.Config,
            Epochs = pbt?.EndEpoch ?? trial.Epochs,
            ScheduleUnit = trial.ScheduleUnit,
            Device = slot.Device,
            Seed = trial.Seed,
            Threads = threads,
            EvaluateTestSet = trial.Kind == TrialKind.TestRun,
            // A re-claimed trial resumes from its checkpoint; the epochs stored after it are trained again.
            CheckpointKey = checkpoints.KeyFor(trial),
            ForkFromKey = checkpoints.ParentKeyFor(trial),
            OnStart = async epochsDone => await queue.RewindEpochsAsync(trial.Lease, epochsDone, CancellationToken.None),
        };
        try
        {
            var outcome = await trainer.TrainAsync(request, async report =>
            {
                if (!await queue.ReportEpochAsync(trial.Lease, report, CancellationToken.None))
                {
                    // Cancelled by a user, or the lease is gone; the heartbeat tells which, the token stops training now.
                    handle.Stop(StopReason.Cancelled);
                    return true;
                }
                if (pruner is null) return true;
                var curves = await queue.GetCurvesAsync(trial.SearchId, CancellationToken.None);
                var current = curves.FirstOrDefault(c => c.Number == trial.Number);
                if (current is null) return true;
                return !pruner.ShouldPrune(report.Epoch, current, curves.Where(c => c.Number != trial.Number).ToList(), trial.Direction);
            }, handle.Token);
            var state = handle.Reason == StopReason.None ? outcome.State : TrialState.Cancelled;
            return new TrialResult(state, outcome.EpochsRun, outcome.TestLoss, outcome.TestAccuracy, outcome.Message);
        }
        catch (OperationCanceledException) when (handle.Token.IsCancellationRequested)
        {
            return new TrialResult(TrialState.Cancelled, 0);
        }
        catch (Exception e)
        {
            logger.LogError(e, "Trial {TrialId} failed", trial.Lease.TrialId);
            return new TrialResult(TrialState.Failed, 0, Error: $"{e.GetType().Name}: {e.Message}");
        }
    }
}

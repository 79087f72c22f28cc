using HyperSearch.Core.Searches;
using HyperSearch.Core.Searches.Queue;
using HyperSearch.Core.Training;
using HyperSearch.Core.Trials;
using Microsoft.Extensions.Logging;

namespace HyperSearch.Worker;

/// <summary>
/// Trains one claimed trial (resuming from its checkpoint when it has one): streams each epoch into the
/// store (which renews the lease) through an <see cref="EpochOutbox"/>, so a database outage delays
/// the writes instead of failing the trial; asks the pruner after each epoch, observes cancellation
/// through the token, and records how it ended — or releases it on shutdown, or writes nothing when
/// the lease was lost. Every store call retries passing database faults (<see cref="DatabaseRetry"/>).
/// </summary>
public sealed class TrialRunner(IWorkQueue queue, ITrainer trainer, IPrunerProvider pruners, RunningTrials running, CheckpointRetention checkpoints, DatabaseRetry retry, ILogger<TrialRunner> logger)
{
    // Shutdown must not wait for a database that does not come back: a trial not released in time
    // returns to the queue when its lease expires.
    private static readonly TimeSpan ReleaseBudget = TimeSpan.FromSeconds(5);

    public async Task RunAsync(ClaimedTrial trial, SlotRef slot, int threads, CancellationToken workerStopping)
    {
        var handle = running.Add(trial.Lease, workerStopping);
        try
        {
            var outbox = new EpochOutbox(queue, retry, trial.Lease, slot);
            var result = await TrainAsync(trial, slot, threads, handle, outbox);
            switch (handle.Reason)
            {
                case StopReason.Shutdown:
                    using (var budget = new CancellationTokenSource(ReleaseBudget))
                    {
                        await outbox.FlushAsync(budget.Token);
                        await retry.RunAsync("release", slot, ct => queue.ReleaseAsync(trial.Lease, ct), budget.Token);
                    }
                    break;
                case StopReason.LeaseLost:
                    logger.LogWarning("Trial {TrialId} lost its lease; the retry owns it now", trial.Lease.TrialId);
                    break;
                default:
                    // The finish reads the trial's epochs (diagnosis, best value): the missed ones go first.
                    await outbox.FlushAsync(workerStopping);
                    if (!await retry.RunAsync("finish", slot, ct => queue.FinishTrialAsync(trial.Lease, result, ct), workerStopping))
                        logger.LogWarning("Trial {TrialId} finished after its lease was lost; result dropped", trial.Lease.TrialId);
                    else
                        await checkpoints.OnFinishedAsync(trial, workerStopping);
                    break;
            }
        }
        catch (OperationCanceledException) when (workerStopping.IsCancellationRequested)
        {
            // Stopped while waiting for the database: the lease expires and the trial is queued again.
            logger.LogWarning("Trial {TrialId} not recorded before shutdown; it returns to the queue when its lease expires", trial.Lease.TrialId);
        }
        finally
        {
            running.Remove(handle);
        }
    }

    private async Task<TrialResult> TrainAsync(ClaimedTrial trial, SlotRef slot, int threads, RunningTrial handle, EpochOutbox outbox)
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
            OnStart = async epochsDone => await retry.RunAsync("rewind", slot, ct => queue.RewindEpochsAsync(trial.Lease, epochsDone, ct), handle.Token),
        };
        try
        {
            var outcome = await trainer.TrainAsync(request, async report =>
            {
                if (!await outbox.AddAsync(report))
                {
                    // Cancelled by a user, or the lease is gone; the heartbeat tells which, the token stops training now.
                    handle.Stop(StopReason.Cancelled);
                    return true;
                }
                // The pruner compares stored curves: with this trial's epochs still waiting, it decides later.
                if (pruner is null || !outbox.IsEmpty) return true;
                var (read, curves) = await retry.TryOnceAsync("pruner curves", slot, ct => queue.GetCurvesAsync(trial.SearchId, ct), CancellationToken.None);
                var current = read ? curves!.FirstOrDefault(c => c.Number == trial.Number) : null;
                if (current is null) return true;
                return !pruner.ShouldPrune(report.Epoch, current, curves!.Where(c => c.Number != trial.Number).ToList(), trial.Direction);
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

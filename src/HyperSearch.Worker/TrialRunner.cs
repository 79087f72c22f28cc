using HyperSearch.Core.Faults;
using HyperSearch.Core.Searches;
using HyperSearch.Core.Searches.Queue;
using HyperSearch.Core.Training;
using HyperSearch.Core.Trials;
using Microsoft.Extensions.Logging;

namespace HyperSearch.Worker;

/// <summary>
/// Trains one claimed trial (resuming from its checkpoint when it has one, never from one beyond the
/// epochs the database holds): streams each epoch into the store (which renews the lease) through an
/// <see cref="EpochOutbox"/>, so a database outage delays the writes instead of failing the trial; asks
/// the pruner after each epoch, observes cancellation through the token, and records how it ended (a
/// failure with its <see cref="FailureKind"/>) — or hands it back on shutdown, or writes nothing when the
/// lease was lost. Every store call retries passing database faults (<see cref="DatabaseRetry"/>).
/// </summary>
public sealed class TrialRunner(IWorkQueue queue, ITrainer trainer, IPrunerProvider pruners, RunningTrials running, CheckpointRetention checkpoints, DatabaseRetry retry, ILogger<TrialRunner> logger)
{
    public async Task RunAsync(ClaimedTrial trial, SlotRef slot, int threads, CancellationToken workerStopping)
    {
        var handle = running.Add(trial.Lease, workerStopping);
        var progress = new TrialProgress();
        try
        {
            var outbox = new EpochOutbox(queue, retry, trial.Lease, slot);
            var result = await TrainAsync(trial, slot, threads, handle, outbox, progress);
            switch (handle.Reason)
            {
                case StopReason.Shutdown:
                    // Its epochs first: a trial resumes from no checkpoint beyond the epochs stored.
                    await outbox.FlushAsync(handle.WritesToken);
                    await retry.RunAsync("release", slot, ct => queue.ReleaseAsync(trial.Lease, ct), handle.WritesToken);
                    logger.LogInformation("Trial {TrialId} (search {SearchId} #{Number}) handed back to the queue after epoch {Epoch}; {Next}",
                        trial.Lease.TrialId, trial.SearchId, trial.Number, progress.LastEpoch,
                        checkpoints.KeyFor(trial) is null ? "it starts over (no checkpoints)" : "it resumes from its checkpoint");
                    break;
                case StopReason.LeaseLost:
                    logger.LogWarning("Trial {TrialId} lost its lease; stopped it at epoch {Epoch}, the retry owns it now", trial.Lease.TrialId, progress.LastEpoch);
                    break;
                default:
                    // The finish reads the trial's epochs (diagnosis, best value): the missed ones go first.
                    // A trial that finished training during an outage waits here for the database, and keeps its result.
                    await outbox.FlushAsync(handle.WritesToken);
                    if (!await retry.RunAsync("finish", slot, ct => queue.FinishTrialAsync(trial.Lease, result, ct), handle.WritesToken))
                        logger.LogWarning("Trial {TrialId} finished after its lease was lost; result dropped", trial.Lease.TrialId);
                    else
                        await checkpoints.OnFinishedAsync(trial, handle.WritesToken);
                    break;
            }
        }
        catch (Exception e) when (workerStopping.IsCancellationRequested && e is OperationCanceledException or ObjectDisposedException)
        {
            // The database did not answer within the stop budget: the lease brings the trial back (at once
            // when a worker restarts on this machine).
            running.Abandon();
            logger.LogWarning("Trial {TrialId} could not be handed back before the worker stopped; it returns to the queue when its lease expires", trial.Lease.TrialId);
        }
        finally
        {
            running.Remove(handle);
        }
    }

    private async Task<TrialResult> TrainAsync(ClaimedTrial trial, SlotRef slot, int threads, RunningTrial handle, EpochOutbox outbox, TrialProgress progress)
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
            // ...but never from one ahead of the database: the epochs between would be missing for good.
            ResumeAtMost = trial.EpochsStored,
            ForkFromKey = checkpoints.ParentKeyFor(trial),
            OnStart = async epochsDone =>
            {
                progress.Started = true;
                progress.LastEpoch = epochsDone;
                if (epochsDone > 0)
                    logger.LogInformation("Trial {TrialId} (search {SearchId} #{Number}, attempt {Attempt}) resumes from its checkpoint at epoch {Epoch} of {Epochs}",
                        trial.Lease.TrialId, trial.SearchId, trial.Number, trial.Lease.Attempt, epochsDone, trial.Epochs);
                await retry.RunAsync("rewind", slot, ct => queue.RewindEpochsAsync(trial.Lease, epochsDone, ct), handle.Token);
            },
        };
        try
        {
            var outcome = await trainer.TrainAsync(request, async report =>
            {
                progress.Started = true;
                progress.LastEpoch = report.Epoch;
                if (!await outbox.AddAsync(report, handle.Token))
                {
                    // Cancelled by a user, or the lease is gone; the heartbeat tells which, the token stops training now.
                    handle.Stop(StopReason.Cancelled);
                    return true;
                }
                // The pruner compares stored curves: with this trial's epochs still waiting, it decides later.
                if (pruner is null || !outbox.IsEmpty) return true;
                var (read, curves) = await retry.TryOnceAsync("pruner curves", slot, ct => queue.GetCurvesAsync(trial.SearchId, ct), handle.Token);
                var current = read ? curves!.FirstOrDefault(c => c.Number == trial.Number) : null;
                if (current is null) return true;
                return !pruner.ShouldPrune(report.Epoch, current, curves!.Where(c => c.Number != trial.Number).ToList(), trial.Direction);
            }, handle.Token);
            var state = handle.Reason == StopReason.None ? outcome.State : TrialState.Cancelled;
            return new TrialResult(state, outcome.EpochsRun, outcome.TestLoss, outcome.TestAccuracy, outcome.Message);
        }
        catch (Exception) when (handle.Token.IsCancellationRequested)
        {
            // Stopped (cancel, lost lease, shutdown): whatever the trainer threw on its way out is not the trial's fault.
            return new TrialResult(TrialState.Cancelled, progress.LastEpoch);
        }
        catch (Exception e)
        {
            var kind = FailureClassifier.Classify(e, progress.Started);
            logger.LogError(e, "Trial {TrialId} failed ({Kind})", trial.Lease.TrialId, kind.Describe());
            return new TrialResult(TrialState.Failed, progress.LastEpoch, Error: $"{e.GetType().Name}: {e.Message}", Kind: kind);
        }
    }

    /// <summary>How far the trainer got, as its callbacks saw it (they run on its thread; read after it returned).</summary>
    private sealed class TrialProgress
    {
        public bool Started { get; set; }
        public int LastEpoch { get; set; }
    }
}

using HyperSearch.Core.Searches;
using HyperSearch.Core.Searches.Queue;
using HyperSearch.Core.Training;
using Microsoft.Extensions.Logging;

namespace HyperSearch.Worker;

/// <summary>
/// Which checkpoints outlive their trial: a trial that goes back to the queue keeps its checkpoint (it
/// resumes from it); a finished one loses it, except the search's best trial, whose checkpoint stays
/// downloadable until a better trial takes its place; a PBT segment keeps its checkpoint for the members that copy it. Without a checkpoint store (the fake trainer)
/// trials run without checkpoints.
/// </summary>
public sealed class CheckpointRetention(IWorkQueue queue, ICheckpointStore? store, DatabaseRetry retry, ILogger<CheckpointRetention> logger)
{
    /// <summary>The key the trainer saves the trial's checkpoints under, or null when there is no store.</summary>
    public string? KeyFor(ClaimedTrial trial) => store is null ? null : ICheckpointStore.KeyOf(trial.Lease.TrialId);

    /// <summary>A PBT segment's parent checkpoint (the one it starts from), or null.</summary>
    public string? ParentKeyFor(ClaimedTrial trial) =>
        store is not null && trial.Config.Pbt?.ParentTrialId is long parent ? ICheckpointStore.KeyOf(parent) : null;

    public async Task OnFinishedAsync(ClaimedTrial trial, CancellationToken cancellationToken)
    {
        if (store is null) return;
        // PBT segments stay: any later segment may copy one (exploit). docs/pbt.md: disk use.
        if (trial.Config.Pbt is not null) return;
        var id = trial.Lease.TrialId;
        try
        {
            // A test run re-trains the best trial, whose own checkpoint is the one kept.
            var best = trial.Kind == TrialKind.Search ? await retry.RunAsync("best trial", null, ct => queue.GetBestTrialIdAsync(trial.SearchId, ct), cancellationToken) : null;
            if (best != id)
            {
                store.Delete(ICheckpointStore.KeyOf(id));
                return;
            }

            if (store.SwapKept(trial.SearchId, id) is long previous && previous != id)
                store.Delete(ICheckpointStore.KeyOf(previous));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A leftover file costs disk, not correctness: the trial's result is already recorded.
            logger.LogWarning(e, "Could not clean up the checkpoints of trial {TrialId}", id);
        }
    }
}

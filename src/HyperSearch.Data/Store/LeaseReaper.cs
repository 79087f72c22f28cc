using HyperSearch.Core.Trials;
using Microsoft.EntityFrameworkCore;

namespace HyperSearch.Data.Store;

/// <summary>
/// Expired leases (the worker vanished: killed, crashed, partitioned): the trial goes back to the
/// queue with attempt + 1 and its original queue time (so it is served first), keeping the epoch
/// rows already written; after the last attempt it is Failed.
/// </summary>
internal static class LeaseReaper
{
    /// <returns>Whether a trial of the search ended here (its lifecycle must advance).</returns>
    public static async Task<bool> ReapAsync(HyperSearchDbContext db, long searchId, DateTimeOffset now, int maxAttempts, CancellationToken cancellationToken)
    {
        var expired = await db.Trials
            .Where(t => t.SearchId == searchId && t.State == TrialState.Running && t.LeaseExpiresAt < now)
            .ToListAsync(cancellationToken);
        var ended = false;
        foreach (var trial in expired)
        {
            if (trial.CancelRequested)
            {
                trial.State = TrialState.Cancelled;
                trial.FinishedAt = now;
                ended = true;
            }
            else if (trial.Attempt >= maxAttempts)
            {
                trial.State = TrialState.Failed;
                trial.Error = $"lease expired on attempt {trial.Attempt} of {maxAttempts} (worker {trial.WorkerId} stopped answering)";
                trial.FinishedAt = now;
                ended = true;
            }
            else
            {
                trial.State = TrialState.Queued;
                trial.Attempt++;
                trial.WorkerId = null;
                trial.Device = null;
                trial.Slot = null;
            }
            trial.LeaseExpiresAt = null;
            trial.UpdatedAt = now;
        }
        await db.SaveChangesAsync(cancellationToken);
        return ended;
    }
}

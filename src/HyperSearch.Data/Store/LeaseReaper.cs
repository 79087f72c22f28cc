using System.Linq.Expressions;
using HyperSearch.Core.Faults;
using HyperSearch.Core.Trials;
using HyperSearch.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace HyperSearch.Data.Store;

/// <summary>
/// Running trials whose worker is gone — its lease expired (killed, crashed, partitioned), or a
/// successor on its machine found its process dead: the trial goes back to the queue with attempt + 1
/// and its original queue time (so it is served first), keeping the epoch rows already written; after
/// the last attempt it is Failed (<see cref="FailureKind.WorkerLost"/>).
/// </summary>
internal static class LeaseReaper
{
    /// <param name="held">The reaping worker's own trials, renewed by the heartbeat that reaps: never reaped by it,
    /// however long that heartbeat took to get from the renewal to the reap (a loaded machine).</param>
    public static Task<ReapedTrials> ReapExpiredAsync(HyperSearchDbContext db, long searchId, IReadOnlyCollection<long> held, DateTimeOffset now, int maxAttempts, CancellationToken cancellationToken) =>
        ReapAsync(db, t => t.SearchId == searchId && t.State == TrialState.Running && t.LeaseExpiresAt < now && !held.Contains(t.Id), now, maxAttempts,
            t => $"lease expired on attempt {t.Attempt} of {maxAttempts} (worker {t.WorkerId} stopped answering)", cancellationToken);

    public static Task<ReapedTrials> ReapWorkersAsync(HyperSearchDbContext db, long searchId, IReadOnlyCollection<string> workers, DateTimeOffset now, int maxAttempts, CancellationToken cancellationToken) =>
        ReapAsync(db, t => t.SearchId == searchId && t.State == TrialState.Running && workers.Contains(t.WorkerId!), now, maxAttempts,
            t => $"worker {t.WorkerId} died on attempt {t.Attempt} of {maxAttempts} (found gone by a worker restarted on its machine)", cancellationToken);

    private static async Task<ReapedTrials> ReapAsync(HyperSearchDbContext db, Expression<Func<TrialEntity, bool>> gone, DateTimeOffset now, int maxAttempts,
        Func<TrialEntity, string> lostOnLastAttempt, CancellationToken cancellationToken)
    {
        var trials = await db.Trials.Where(gone).ToListAsync(cancellationToken);
        bool ended = false, failed = false;
        foreach (var trial in trials)
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
                trial.Error = lostOnLastAttempt(trial);
                trial.FailureKind = FailureKind.WorkerLost;
                trial.FinishedAt = now;
                ended = failed = true;
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
        return new ReapedTrials(trials.Select(t => t.Id).ToList(), ended, failed);
    }
}

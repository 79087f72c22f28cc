using HyperSearch.Core.Searches;
using HyperSearch.Core.Trials;
using Microsoft.EntityFrameworkCore;

namespace HyperSearch.Data.Store;

/// <summary>User commands on searches and trials, each one write transaction.</summary>
internal static class SearchCommands
{
    public static Task<bool> CancelSearchAsync(IDbContextFactory<HyperSearchDbContext> factory, TimeProvider time, long searchId, CancellationToken cancellationToken) =>
        StopSearchAsync(factory, time, searchId, SearchState.Cancelled, null, cancellationToken);

    public static async Task<bool> StopSearchAsync(IDbContextFactory<HyperSearchDbContext> factory, TimeProvider time, long searchId, SearchState state, string? error, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        await using var tx = await WriteTransaction.BeginAsync(db, cancellationToken);
        await WriteTransaction.LockSearchAsync(db, searchId, cancellationToken);
        var search = await db.Searches.SingleOrDefaultAsync(s => s.Id == searchId, cancellationToken);
        if (search is null || search.State.IsFinal()) return false;
        var now = time.GetUtcNow();
        search.State = state;
        search.Error = error ?? search.Error;
        search.FinishedAt = now;
        search.UpdatedAt = now;
        // Queued trials end now; running ones are told at their worker's next epoch report or heartbeat.
        await db.Trials.Where(t => t.SearchId == searchId && t.State == TrialState.Queued)
            .ExecuteUpdateAsync(u => u.SetProperty(t => t.State, TrialState.Cancelled).SetProperty(t => t.FinishedAt, now).SetProperty(t => t.UpdatedAt, now), cancellationToken);
        await db.Trials.Where(t => t.SearchId == searchId && t.State == TrialState.Running)
            .ExecuteUpdateAsync(u => u.SetProperty(t => t.CancelRequested, true).SetProperty(t => t.UpdatedAt, now), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await tx.CommitAsync(cancellationToken);
        return true;
    }

    public static async Task<bool> CancelTrialAsync(IDbContextFactory<HyperSearchDbContext> factory, TimeProvider time, long trialId, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        await using var tx = await WriteTransaction.BeginAsync(db, cancellationToken);
        var searchId = await db.Trials.Where(t => t.Id == trialId).Select(t => (long?)t.SearchId).SingleOrDefaultAsync(cancellationToken);
        if (searchId is null) return false;
        await WriteTransaction.LockSearchAsync(db, searchId.Value, cancellationToken);
        var trial = await db.Trials.SingleAsync(t => t.Id == trialId, cancellationToken);
        if (trial.State.IsFinal() || trial.CancelRequested) return false;
        var now = time.GetUtcNow();
        trial.UpdatedAt = now;
        if (trial.State == TrialState.Queued)
        {
            trial.State = TrialState.Cancelled;
            trial.FinishedAt = now;
        }
        else
        {
            trial.CancelRequested = true;
        }
        await db.SaveChangesAsync(cancellationToken);
        await SearchLifecycle.AdvanceAsync(db, trial.SearchId, now, cancellationToken);
        await tx.CommitAsync(cancellationToken);
        return true;
    }

    public static async Task<bool> SetStateAsync(IDbContextFactory<HyperSearchDbContext> factory, TimeProvider time, long searchId, SearchState from, SearchState to, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        await using var tx = await WriteTransaction.BeginAsync(db, cancellationToken);
        var now = time.GetUtcNow();
        var changed = await db.Searches.Where(s => s.Id == searchId && s.State == from)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.State, to).SetProperty(s => s.UpdatedAt, now)
                // A pause the search took itself (MisconfigurationCheck) leaves its reason; a person's pause or resume clears it.
                .SetProperty(s => s.Error, (string?)null), cancellationToken);
        // A resumed search whose trials all finished while paused completes now.
        if (changed > 0) await SearchLifecycle.AdvanceAsync(db, searchId, now, cancellationToken);
        await tx.CommitAsync(cancellationToken);
        return changed > 0;
    }

    public static async Task<bool> SetPriorityAsync(IDbContextFactory<HyperSearchDbContext> factory, TimeProvider time, long searchId, int priority, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        await using var tx = await WriteTransaction.BeginAsync(db, cancellationToken);
        var now = time.GetUtcNow();
        var changed = await db.Searches.Where(s => s.Id == searchId && s.State != SearchState.Completed && s.State != SearchState.Cancelled && s.State != SearchState.Failed)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.Priority, priority).SetProperty(s => s.UpdatedAt, now), cancellationToken);
        await tx.CommitAsync(cancellationToken);
        return changed > 0;
    }
}

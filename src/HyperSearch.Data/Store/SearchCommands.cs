using HyperSearch.Core.Configuration;
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
        // A resume restarts the search guard's count (MisconfigurationCheck): the failures before it were seen.
        DateTimeOffset? resumedAt = to == SearchState.Running ? now : null;
        var changed = await db.Searches.Where(s => s.Id == searchId && s.State == from)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.State, to).SetProperty(s => s.UpdatedAt, now)
                .SetProperty(s => s.ResumedAt, s => resumedAt ?? s.ResumedAt)
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

    public static async Task<AddedTrial> AddTrialAsync(IDbContextFactory<HyperSearchDbContext> factory, TimeProvider time, long searchId, TrialConfig config, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        await using var tx = await WriteTransaction.BeginAsync(db, cancellationToken);
        var search = await WriteTransaction.LockAndLoadSearchAsync(db, searchId, cancellationToken);
        if (search is null) return new AddedTrial(AddTrialStatus.SearchNotFound);
        if (search.State is SearchState.Cancelled or SearchState.Failed) return new AddedTrial(AddTrialStatus.SearchStopped);
        // Its test run is of the best trial so far; a trial added now could change which one that is.
        if (search.State == SearchState.Evaluating) return new AddedTrial(AddTrialStatus.SearchEvaluating);

        // Numbers run 1..total; a worker asking the sampler for trial total + 1 takes the same lock
        // and re-checks the count, so the two never take the same number.
        var total = await db.Trials.CountAsync(t => t.SearchId == searchId && t.Kind == TrialKind.Search, cancellationToken);
        var now = time.GetUtcNow();
        var trial = EntityMapper.NewTrial(searchId, TrialKind.Search, total + 1, config, now);
        db.Trials.Add(trial);
        // One more in the budget: the hand-made trial does not take a sampled trial's place.
        search.Budget += 1;
        if (search.State == SearchState.Completed)
        {
            // Reopened: the queue only runs trials of running searches; the lifecycle completes it again.
            search.State = SearchState.Running;
            search.FinishedAt = null;
            search.Error = null;
        }
        search.UpdatedAt = now;
        await db.SaveChangesAsync(cancellationToken);
        await tx.CommitAsync(cancellationToken);
        return new AddedTrial(AddTrialStatus.Added, trial.Id, trial.Number);
    }

    /// <summary>Replaces the notes and tags of the one entity <paramref name="select"/> finds; its update time moves, so the live feed carries the change.</summary>
    public static async Task<bool> AnnotateAsync<T>(IDbContextFactory<HyperSearchDbContext> factory, TimeProvider time,
        Func<HyperSearchDbContext, IQueryable<T>> select, Annotation annotation, CancellationToken cancellationToken)
        where T : class, Entities.IAnnotated
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        await using var tx = await WriteTransaction.BeginAsync(db, cancellationToken);
        var entity = await select(db).SingleOrDefaultAsync(cancellationToken);
        if (entity is null) return false;
        entity.Notes = annotation.Notes;
        entity.Tags = TagColumn.Write(annotation.Tags);
        entity.UpdatedAt = time.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        await tx.CommitAsync(cancellationToken);
        return true;
    }
}

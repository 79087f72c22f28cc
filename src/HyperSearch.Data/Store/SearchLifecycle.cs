using HyperSearch.Core.Faults;
using HyperSearch.Core.Sampling;
using HyperSearch.Core.Searches;
using HyperSearch.Core.Trials;
using HyperSearch.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace HyperSearch.Data.Store;

/// <summary>
/// Moves a search along after one of its trials changed, inside the caller's write transaction:
/// best trial so far (Completed trials only, by validation objective), then — when the budget is
/// used (or the grid exhausted) and nothing is queued or running — one TestRun trial that
/// re-trains the best config with the same seed and evaluates the held-out test set; when that
/// ends, the search is Completed with the test metrics.
/// </summary>
internal static class SearchLifecycle
{
    public static async Task AdvanceAsync(HyperSearchDbContext db, long searchId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var search = await db.Searches.SingleAsync(s => s.Id == searchId, cancellationToken);
        await AdvanceAsync(db, search, now, cancellationToken);
    }

    /// <summary>As above, for a search row the caller already loaded (tracked) under its lock.</summary>
    public static async Task AdvanceAsync(HyperSearchDbContext db, SearchEntity search, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // Best trial and the counts in one round trip: this runs after every finished trial, under the search lock.
        var trials = db.Trials.Where(t => t.SearchId == search.Id && t.Kind == TrialKind.Search);
        var completed = trials.Where(t => t.State == TrialState.Completed && t.BestValue != null);
        var ordered = search.Direction == ObjectiveDirection.Minimize
            ? completed.OrderBy(t => t.BestValue).ThenBy(t => t.Number)
            : completed.OrderByDescending(t => t.BestValue).ThenBy(t => t.Number);
        var facts = await db.Searches.Where(s => s.Id == search.Id)
            .Select(s => new
            {
                BestId = ordered.Select(t => (long?)t.Id).FirstOrDefault(),
                BestValue = ordered.Select(t => t.BestValue).FirstOrDefault(),
                Total = trials.Count(),
                Active = trials.Count(t => t.State == TrialState.Queued || t.State == TrialState.Running),
            })
            .SingleAsync(cancellationToken);
        search.BestTrialId = facts.BestId;
        search.BestValue = facts.BestId is null ? null : facts.BestValue;

        if (search.State is SearchState.Running or SearchState.Paused)
            await CompleteSearchPhaseAsync(db, search, facts.Total, facts.Active, now, cancellationToken);
        else if (search.State == SearchState.Evaluating)
            await CompleteTestRunAsync(db, search, now, cancellationToken);

        search.UpdatedAt = now;
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// Pauses a running search whose last trials all failed with one kind (<see cref="MisconfigurationCheck"/>),
    /// counting those that finished since it was last resumed; call after a trial failed.
    /// </summary>
    public static async Task PauseIfMisconfiguredAsync(HyperSearchDbContext db, SearchEntity search, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (search.State != SearchState.Running) return;
        var since = search.ResumedAt ?? DateTimeOffset.MinValue;
        var latest = await db.Trials.AsNoTracking()
            .Where(t => t.SearchId == search.Id && t.Kind == TrialKind.Search && t.FinishedAt >= since
                        && (t.State == TrialState.Completed || t.State == TrialState.Pruned || t.State == TrialState.Diverged || t.State == TrialState.Failed))
            .OrderByDescending(t => t.FinishedAt).ThenByDescending(t => t.Id)
            .Select(t => new FinishedTrialFact(t.State, t.FailureKind, t.Error))
            .Take(MisconfigurationCheck.Trials)
            .ToListAsync(cancellationToken);
        if (MisconfigurationCheck.PauseReason(latest) is not { } reason) return;
        search.State = SearchState.Paused;
        search.Error = reason;
        search.UpdatedAt = now;
    }

    private static async Task CompleteSearchPhaseAsync(HyperSearchDbContext db, SearchEntity search, int total, int active, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (active > 0 || (total < search.Budget && !search.SamplerExhausted)) return;

        if (search.BestTrialId is not long bestId)
        {
            // Nothing trained to the end. When every trial failed the search itself failed (a full disk, a
            // workload that never loads): it must not read as Completed.
            var outcomes = await db.Trials.Where(t => t.SearchId == search.Id && t.Kind == TrialKind.Search)
                .GroupBy(t => t.State).Select(g => new { State = g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
            var failed = outcomes.Where(o => o.State == TrialState.Failed).Sum(o => o.Count);
            var everyTrialFailed = failed > 0 && outcomes.All(o => o.State is TrialState.Failed or TrialState.Cancelled);
            search.State = everyTrialFailed ? SearchState.Failed : SearchState.Completed;
            search.FinishedAt = now;
            search.Error = everyTrialFailed
                ? $"every trial failed ({failed}); the last: {await LastErrorAsync(db, search.Id, cancellationToken)}"
                : "no trial completed, so there is no best trial to test";
            return;
        }
        var best = await db.Trials.SingleAsync(t => t.Id == bestId, cancellationToken);
        if (best.TestLoss is not null || best.TestAccuracy is not null)
        {
            // A search reopened by a trial added by hand, whose best did not change: already tested.
            search.TestLoss = best.TestLoss;
            search.TestAccuracy = best.TestAccuracy;
            search.State = SearchState.Completed;
            search.FinishedAt = now;
            return;
        }
        var testRun = EntityMapper.NewTrial(search.Id, TrialKind.TestRun, best.Number, EntityMapper.Config(best.ConfigJson), now);
        testRun.ConfigJson = best.ConfigJson;
        db.Trials.Add(testRun);
        search.State = SearchState.Evaluating;
    }

    private static async Task<string?> LastErrorAsync(HyperSearchDbContext db, long searchId, CancellationToken cancellationToken)
    {
        var last = await db.Trials.AsNoTracking()
            .Where(t => t.SearchId == searchId && t.Kind == TrialKind.Search && t.State == TrialState.Failed)
            .OrderByDescending(t => t.FinishedAt).ThenByDescending(t => t.Id)
            .Select(t => new { t.FailureKind, t.Error }).FirstOrDefaultAsync(cancellationToken);
        return last?.FailureKind is { } kind ? $"{kind.Describe()} — {last.Error}" : last?.Error;
    }

    private static async Task CompleteTestRunAsync(HyperSearchDbContext db, SearchEntity search, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // The latest: a reopened search whose best changed has one test run per best it completed with.
        var testRun = await db.Trials.Where(t => t.SearchId == search.Id && t.Kind == TrialKind.TestRun)
            .OrderByDescending(t => t.Id).FirstOrDefaultAsync(cancellationToken);
        if (testRun is null || !testRun.State.IsFinal()) return;

        if (testRun.State == TrialState.Completed)
        {
            search.TestLoss = testRun.TestLoss;
            search.TestAccuracy = testRun.TestAccuracy;
            if (search.BestTrialId is long bestId)
            {
                var best = await db.Trials.SingleAsync(t => t.Id == bestId, cancellationToken);
                best.TestLoss = testRun.TestLoss;
                best.TestAccuracy = testRun.TestAccuracy;
                best.UpdatedAt = now;
            }
        }
        else
        {
            search.Error = $"the test run of the best trial ended {testRun.State}: {testRun.Error}";
        }
        search.State = SearchState.Completed;
        search.FinishedAt = now;
    }
}

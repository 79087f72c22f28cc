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

    /// <summary>Pauses a running search whose first trials all failed alike (<see cref="MisconfigurationCheck"/>); call after a trial failed.</summary>
    public static async Task PauseIfMisconfiguredAsync(HyperSearchDbContext db, SearchEntity search, CancellationToken cancellationToken)
    {
        if (search.State != SearchState.Running) return;
        var finished = await db.Trials.AsNoTracking()
            .Where(t => t.SearchId == search.Id && t.Kind == TrialKind.Search
                        && (t.State == TrialState.Completed || t.State == TrialState.Pruned || t.State == TrialState.Diverged || t.State == TrialState.Failed))
            .OrderBy(t => t.FinishedAt).ThenBy(t => t.Id)
            .Select(t => new { t.State, t.Error })
            .Take(MisconfigurationCheck.Trials + 1)
            .ToListAsync(cancellationToken);
        if (MisconfigurationCheck.PauseReason(finished.Select(t => (t.State, t.Error)).ToList()) is not { } reason) return;
        search.State = SearchState.Paused;
        search.Error = reason;
    }

    private static async Task CompleteSearchPhaseAsync(HyperSearchDbContext db, SearchEntity search, int total, int active, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (active > 0 || (total < search.Budget && !search.SamplerExhausted)) return;

        if (search.BestTrialId is not long bestId)
        {
            search.State = SearchState.Completed;
            search.FinishedAt = now;
            search.Error = "no trial completed, so there is no best trial to test";
            return;
        }
        var best = await db.Trials.SingleAsync(t => t.Id == bestId, cancellationToken);
        var testRun = EntityMapper.NewTrial(search.Id, TrialKind.TestRun, best.Number, EntityMapper.Config(best.ConfigJson), now);
        testRun.ConfigJson = best.ConfigJson;
        db.Trials.Add(testRun);
        search.State = SearchState.Evaluating;
    }

    private static async Task CompleteTestRunAsync(HyperSearchDbContext db, SearchEntity search, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var testRun = await db.Trials.SingleOrDefaultAsync(t => t.SearchId == search.Id && t.Kind == TrialKind.TestRun, cancellationToken);
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

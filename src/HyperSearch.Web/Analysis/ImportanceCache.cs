using System.Collections.Concurrent;
using HyperSearch.Core.Importance;
using HyperSearch.Core.Searches;

namespace HyperSearch.Web.Analysis;

/// <summary>
/// One importance computation per search and number of completed trials, shared by every open Search
/// page and the API: the report reads every completed trial whole, which at 100,000 trials took the
/// server's two cores for seconds per page open and per refresh (docs/benchmarks.md). While a large
/// search runs, a report at most <see cref="MaxAge"/> old is reused even if a few trials have completed
/// since; below <see cref="AlwaysFreshBelow"/> completed trials a report costs milliseconds and is
/// always current (a search's panel used to say "has 4" for its first half minute, which for a short
/// search was until it ended).
/// </summary>
public sealed class ImportanceCache(ITrialStore store, TimeProvider time)
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(30);
    public const int AlwaysFreshBelow = 500;

    private readonly ConcurrentDictionary<long, Entry> entries = new();

    /// <summary>Null when the search does not exist.</summary>
    public Task<ImportanceReport?> GetAsync(long searchId, CancellationToken cancellationToken = default) =>
        GetAsync(searchId, completed: null, cancellationToken);

    /// <param name="completed">The search's completed-trial count as the caller saw it; null reads it.</param>
    public async Task<ImportanceReport?> GetAsync(long searchId, int? completed, CancellationToken cancellationToken = default)
    {
        if (completed is null)
        {
            if (await store.GetSearchAsync(searchId, cancellationToken) is not { } detail) return null;
            completed = detail.Summary.Counts.Completed;
        }

        var now = time.GetUtcNow();
        var entry = entries.AddOrUpdate(searchId,
            _ => Start(searchId, completed.Value, now),
            (_, old) => old.Completed == completed || (completed >= AlwaysFreshBelow && now - old.At < MaxAge && !old.Report.IsFaulted)
                ? old
                : Start(searchId, completed.Value, now));
        return await entry.Report.WaitAsync(cancellationToken);
    }

    // Not tied to one caller's cancellation: other viewers may be waiting for the same report.
    private Entry Start(long searchId, int completed, DateTimeOffset now) =>
        new(completed, now, Task.Run(() => SearchImportance.ComputeAsync(store, searchId, CancellationToken.None)));

    private sealed record Entry(int Completed, DateTimeOffset At, Task<ImportanceReport?> Report);
}

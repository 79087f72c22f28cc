using System.Collections.Concurrent;
using HyperSearch.Core.Searches;
using HyperSearch.Web.Components.Search;

namespace HyperSearch.Web.Analysis;

/// <summary>
/// One build of the analysis charts per search, filter and trial counts, shared by every open Search
/// page: building them reads every trial of the search (100,000 rows at the largest size measured)
/// and ranks them, which each page open and each refresh did on its own — with ten viewers, ten
/// reads at once on a two-core server (docs/benchmarks.md). A finished search's charts are reused
/// while its counts stand; a running search's for at most <see cref="MaxAge"/> (the pages refresh
/// their analysis no more often than that anyway).
/// </summary>
public sealed class AnalysisCache(TimeProvider time)
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(5);
    // Unused entries go after this long (other filters, searches nobody watches any more).
    private static readonly TimeSpan Forget = TimeSpan.FromMinutes(2);

    private readonly ConcurrentDictionary<(long Search, string Filter), Entry> entries = new();

    /// <param name="build">Reads and builds the charts; run once for all callers that agree on the key.</param>
    /// <param name="cancellationToken">Stops this caller's wait (a closed page), not the build others may share.</param>
    public async Task<AnalysisCharts> GetAsync(SearchSummary search, TrialQuery filter, Func<Task<AnalysisCharts>> build, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var key = (search.Id, Key(filter));
        var entry = entries.AddOrUpdate(key,
            _ => Start(search, build, now),
            (_, old) => Usable(old, search, now) ? old with { UsedAt = now } : Start(search, build, now));
        if (entries.Count > 1) Sweep(now);
        return await entry.Charts.WaitAsync(cancellationToken);
    }

    private static bool Usable(Entry old, SearchSummary search, DateTimeOffset now) =>
        !old.Charts.IsFaulted && !old.Charts.IsCanceled && old.Counts == search.Counts
        && (search.State.IsFinal() || now - old.BuiltAt < MaxAge);

    private static Entry Start(SearchSummary search, Func<Task<AnalysisCharts>> build, DateTimeOffset now) =>
        new(search.Counts, now, now, Task.Run(build));

    private void Sweep(DateTimeOffset now)
    {
        foreach (var (key, entry) in entries)
        {
            if (now - entry.UsedAt > Forget) entries.TryRemove(KeyValuePair.Create(key, entry));
        }
    }

    /// <summary>The filter's parts that change which trials the charts show (they always rank, never page).</summary>
    private static string Key(TrialQuery filter) => string.Join('|',
        string.Join(',', (filter.States ?? []).Order()), string.Join(',', (filter.DecayTypes ?? []).Order(StringComparer.Ordinal)),
        filter.MinInitialLr, filter.MaxInitialLr);

    private sealed record Entry(TrialCounts Counts, DateTimeOffset BuiltAt, DateTimeOffset UsedAt, Task<AnalysisCharts> Charts);
}

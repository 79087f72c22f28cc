using System.Diagnostics;
using HyperSearch.Core.Searches;
using HyperSearch.Core.Searches.Queue;
using HyperSearch.Core.Trials;
using Microsoft.Extensions.DependencyInjection;

namespace QueueBench;

/// <summary>Times the dashboard's main store queries on a seeded history (median of 15 runs after a warm-up).</summary>
public static class QueryRun
{
    public static async Task<IReadOnlyList<string>> RunAsync(string provider, string? pgAdmin, int trials, int epochsPerTrial)
    {
        await using var db = await BenchDatabase.CreateAsync(provider, pgAdmin);
        var seedClock = Stopwatch.StartNew();
        var big = await Seeder.SeedAsync(db, trials, epochsPerTrial);
        Console.Error.WriteLine($"{provider}: seeded {trials} trials × {epochsPerTrial} epochs in {seedClock.Elapsed.TotalSeconds:F0} s");
        var store = db.Services.GetRequiredService<ITrialStore>();
        var queue = db.Services.GetRequiredService<IWorkQueue>();
        var page = await store.GetTrialsAsync(new TrialQuery { SearchId = big, Take = 20 });
        var twenty = page.Items.Select(t => t.Id).ToList();
        var changes = await store.GetChangesAsync(ChangeCursor.Start, 1);
        var recent = new ChangeCursor((await store.GetEpochsAsync(twenty[0])).Max(e => e.Id) - 100, DateTimeOffset.UtcNow.AddMinutes(-1).UtcTicks);

        var cases = new (string Name, Func<Task> Query)[]
        {
            ("searches list (50, with state counts)", () => store.ListSearchesAsync(0, 50)),
            ("search detail", () => store.GetSearchAsync(big)),
            ("ranked trials, page 1 of 10k", () => store.GetTrialsAsync(new TrialQuery { SearchId = big, Take = 50 })),
            ("ranked trials, page 100 (skip 4950)", () => store.GetTrialsAsync(new TrialQuery { SearchId = big, Skip = 4950, Take = 50 })),
            ("filtered (decay ∈ {cosine, step}, lr range, state) sorted by lr", () => store.GetTrialsAsync(new TrialQuery
            {
                SearchId = big, DecayTypes = ["cosine", "step"], MinInitialLr = 1e-4, MaxInitialLr = 1e-1,
                States = [TrialState.Completed], Sort = TrialSort.InitialLr, Descending = true, Skip = 100, Take = 50,
            })),
            ("one trial's epochs (100)", () => store.GetEpochsAsync(twenty[0])),
            ("20 trials' epochs for overlaid curves (≤ 200 points each)", () => store.GetEpochsAsync(twenty, 200)),
            ("queue: 4 workers × 2 slots, 500 queued", () => store.GetQueueAsync()),
            ("live feed: changes since a recent cursor", () => store.GetChangesAsync(recent, 5000)),
            ("worker: ask candidates (a search with 500 trials of history)", () => queue.GetAskCandidatesAsync(1)),
        };

        var lines = new List<string>();
        foreach (var (name, query) in cases)
        {
            await query();
            var times = new List<double>();
            for (var i = 0; i < 15; i++)
            {
                var clock = Stopwatch.StartNew();
                await query();
                times.Add(clock.Elapsed.TotalMilliseconds);
            }
            times.Sort();
            lines.Add($"| {provider} | {name} | {times[times.Count / 2]:F1} | {times[^1]:F1} |");
            Console.Error.WriteLine(lines[^1]);
        }
        _ = changes;
        return lines;
    }
}

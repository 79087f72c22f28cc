using System.Collections.Concurrent;
using HyperSearch.Core.Searches;

namespace HyperSearch.Web.Live;

/// <summary>
/// The reads of one feed tick, shared by every subscriber: each distinct read runs at most once per
/// tick however many viewers ask for it (ten viewers of one search = one ranked-page query, one
/// queue query), and only when someone asks.
/// </summary>
public sealed class LiveSnapshot(IServiceScopeFactory scopes, DateTimeOffset at)
{
    private readonly ConcurrentDictionary<string, Lazy<Task<object?>>> reads = new();

    public DateTimeOffset At { get; } = at;

    /// <summary>Store reads made through this snapshot (for tests and the benchmark).</summary>
    public int Reads => reads.Count;

    public Task<QueueSnapshot> GetQueueAsync() => Read("queue", store => store.GetQueueAsync());

    public Task<SearchDetail?> GetSearchAsync(long searchId) => Read($"search {searchId}", store => store.GetSearchAsync(searchId));

    public Task<Page<TrialRow>> GetTrialsAsync(TrialQuery query) => Read(Key(query), store => store.GetTrialsAsync(query));

    private async Task<T> Read<T>(string key, Func<ITrialStore, Task<T>> read) =>
        (T)(await reads.GetOrAdd(key, _ => new Lazy<Task<object?>>(async () =>
        {
            // Subscribers read after the tick's own scope has ended: each read gets its own.
            using var scope = scopes.CreateScope();
            return await read(scope.ServiceProvider.GetRequiredService<ITrialStore>());
        })).Value)!;

    // Records compare their collections by reference; two viewers' equal filters must share a read.
    private static string Key(TrialQuery q) =>
        $"trials {q.SearchId} s={Join(q.States)} d={Join(q.DecayTypes)} lr={q.MinInitialLr}-{q.MaxInitialLr} {q.Sort} {q.Descending} {q.Skip}+{q.Take}";

    private static string Join<T>(IEnumerable<T>? values) => values is null ? "*" : string.Join(',', values.Select(v => v?.ToString()).Order());
}

using HyperSearch.Web.Analysis;
using HyperSearch.Web.Tests.Fakes;

namespace HyperSearch.Web.Tests.Analysis;

/// <summary>Every viewer of a search shares one importance report until its completed trials change.</summary>
public class ImportanceCacheTests
{
    private sealed class ManualTime : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = new(2026, 12, 2, 7, 0, 0, TimeSpan.Zero);
        public override DateTimeOffset GetUtcNow() => Now;
    }

    private readonly FakeTrialStore store = new();
    private readonly ManualTime time = new();

    private long SearchWithTrials(int completed)
    {
        var id = store.AddSearch("importance", spaceJson: """{ "initialLr": { "low": 0.001, "high": 1 }, "decay": { "constant": {} } }""").Summary.Id;
        AddTrials(id, 0, completed);
        return id;
    }

    private void AddTrials(long id, int from, int to)
    {
        for (var i = from; i < to; i++)
        {
            var lr = Math.Pow(10, -3 + 3.0 * (i % 12) / 11);
            store.AddTrial(id, lr, "constant", Math.Log10(lr) + 3);
        }
    }

    [Fact]
    public async Task Get_SameCompletedCount_OneReportForEveryCaller()
    {
        var id = SearchWithTrials(12);
        var cache = new ImportanceCache(store, time);

        var first = await cache.GetAsync(id, completed: 12);
        time.Now += TimeSpan.FromMinutes(5);
        var second = await cache.GetAsync(id, completed: 12);

        Assert.NotNull(first);
        Assert.Same(first, second);
    }

    [Fact]
    public async Task Get_MoreCompletedInALargeSearch_RecomputedOnlyOnceTheReportIsOlderThanMaxAge()
    {
        const int many = ImportanceCache.AlwaysFreshBelow;
        var id = SearchWithTrials(many);
        var cache = new ImportanceCache(store, time);
        var first = await cache.GetAsync(id, completed: many);
        AddTrials(id, many, many + 8);

        time.Now += ImportanceCache.MaxAge / 2;
        var young = await cache.GetAsync(id, completed: many + 8);
        time.Now += ImportanceCache.MaxAge;
        var fresh = await cache.GetAsync(id, completed: many + 8);

        Assert.Same(first, young);
        Assert.Equal(many, first!.Trials);
        Assert.Equal(many + 8, fresh!.Trials);
    }

    [Fact]
    public async Task Get_MoreCompletedInASmallSearch_RecomputedAtOnce()
    {
        // The panel said "needs at least … has 4" until the search ended: the young report was reused.
        var id = SearchWithTrials(4);
        var cache = new ImportanceCache(store, time);
        var first = await cache.GetAsync(id, completed: 4);
        AddTrials(id, 4, 12);

        time.Now += TimeSpan.FromSeconds(1);
        var next = await cache.GetAsync(id, completed: 12);

        Assert.Equal(4, first!.Trials);
        Assert.Equal(12, next!.Trials);
        Assert.NotEmpty(next.Parameters);
    }

    [Fact]
    public async Task Get_UnknownSearch_Null()
    {
        Assert.Null(await new ImportanceCache(store, time).GetAsync(999_999));
    }
}

using HyperSearch.Core.Searches.Queue;
using HyperSearch.Data.Tests.Infrastructure;

namespace HyperSearch.Data.Tests.Queue;

public sealed class SlotHealthTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ReportSlotHealth_SlotBackingOffThenHealthy_QueueShowsReasonAndSinceThenNothing(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var worker = await ClaimTests.Register(db);
        var since = db.Time.GetUtcNow().AddSeconds(-12);

        await db.WorkQueue.ReportSlotHealthAsync(worker, [new SlotHealth("cpu", 1, "database is locked", since)]);
        var failing = (await db.Store.GetQueueAsync()).Workers.Single(w => w.Id == worker).Slots;
        await db.WorkQueue.ReportSlotHealthAsync(worker, []);
        var healthy = (await db.Store.GetQueueAsync()).Workers.Single(w => w.Id == worker).Slots;

        Assert.Equal(2, failing.Count);
        Assert.Null(failing[0].Problem);
        Assert.Equal("database is locked", failing[1].Problem);
        Assert.Equal(since, failing[1].ProblemSince);
        Assert.All(healthy, s => Assert.Null(s.Problem));
        Assert.Equal(2, healthy.Count);
    }
}

using HyperSearch.Core.Searches.Queue;
using HyperSearch.Core.Training;
using HyperSearch.Data.Tests.Infrastructure;

namespace HyperSearch.Data.Tests.Queue;

/// <summary>Which workers the Queue page lists and how: alive, cut off from the database, gone; the pace of a resumed trial.</summary>
public sealed class QueueViewTests
{
    private static readonly QueueSettings Lease2s = new(TimeSpan.FromSeconds(2), 3);

    [Fact]
    public async Task GetQueue_SqliteWorkerCutOffLeftABeacon_AliveWithWhyAndItsSlotsUntilItsHeartbeatIsBack()
    {
        await using var db = await TestDatabase.CreateAsync("sqlite", Lease2s);
        var worker = await ClaimTests.Register(db);
        var since = db.Time.GetUtcNow();
        db.Time.Advance(TimeSpan.FromSeconds(6)); // a write lock: three leases without a heartbeat written

        var silent = (await db.Store.GetQueueAsync()).Workers;
        var signalled = await db.WorkQueue.SignalAliveAsync(worker, "database is locked", since, [new SlotHealth("cpu", 1, "database is locked", since.AddSeconds(1))]);
        var cutOff = (await db.Store.GetQueueAsync()).Workers.Single();
        await db.WorkQueue.HeartbeatAsync(worker, []); // the lock is gone
        db.Time.Advance(TimeSpan.FromSeconds(0.5));
        var back = (await db.Store.GetQueueAsync()).Workers.Single();

        Assert.Empty(silent); // before: "no heartbeat" for a live worker, then gone
        Assert.True(signalled);
        Assert.True(cutOff.Alive);
        Assert.Equal(("database is locked", since), (cutOff.Problem, cutOff.ProblemSince));
        Assert.Equal([null, "database is locked"], cutOff.Slots.Select(s => s.Problem));
        Assert.True(back.Alive);
        Assert.Null(back.Problem);
        Assert.All(back.Slots, s => Assert.Null(s.Problem));
    }

    [PostgresFact]
    public async Task SignalAlive_Postgres_NoPlaceBesideTheServerSoFalse()
    {
        await using var db = await TestDatabase.CreateAsync("postgres");
        var worker = await ClaimTests.Register(db);

        Assert.False(await db.WorkQueue.SignalAliveAsync(worker, "database unreachable", db.Time.GetUtcNow(), []));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task GetQueue_WorkerStoppedOrSilent_StoppedOneGoneAtOnceSilentOneShownDeadForTwoLeasesThenGone(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider, Lease2s);
        var stopped = await ClaimTests.Register(db);
        var silent = await ClaimTests.Register(db);

        await db.WorkQueue.UnregisterWorkerAsync(stopped);
        var atOnce = (await db.Store.GetQueueAsync()).Workers;
        db.Time.Advance(TimeSpan.FromSeconds(3));
        var afterALease = (await db.Store.GetQueueAsync()).Workers;
        db.Time.Advance(TimeSpan.FromSeconds(1.5));
        var afterTwoLeases = (await db.Store.GetQueueAsync()).Workers;

        Assert.Equal([silent], atOnce.Select(w => w.Id));
        Assert.False(Assert.Single(afterALease).Alive);
        Assert.Empty(afterTwoLeases);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task GetQueue_TrialResumedOnAnotherSlot_EpochsThisRunCountOnlyWhatItTrainedSinceItStarted(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider, Lease2s);
        var w = await ClaimTests.Register(db);
        var id = await db.Store.CreateSearchAsync(Specs.Search());
        var first = (await Specs.AskAsync(db.WorkQueue, id, Specs.Slot(w))).Trial!;
        for (var e = 1; e <= 3; e++) await db.WorkQueue.ReportEpochAsync(first.Lease, new EpochReport(e, 1, 1.0 / e, 0.5, 0.01, e));
        await InContact.PassAsync(db, w, TimeSpan.FromSeconds(3));
        var retry = (await db.WorkQueue.ClaimQueuedAsync(Specs.Slot(w, 1)))!;
        db.Time.Advance(TimeSpan.FromSeconds(0.5));
        await db.WorkQueue.ReportEpochAsync(retry.Lease, new EpochReport(4, 1, 0.2, 0.5, 0.01, 4));

        var slot = (await db.Store.GetQueueAsync()).Workers.Single().Slots.Single(s => s.TrialId == retry.Lease.TrialId);

        Assert.Equal((4, 1), (slot.EpochsDone, slot.EpochsThisRun));
    }
}

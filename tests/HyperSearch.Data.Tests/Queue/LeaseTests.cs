using HyperSearch.Core.Searches.Queue;
using HyperSearch.Core.Training;
using HyperSearch.Core.Trials;
using HyperSearch.Data.Tests.Infrastructure;

namespace HyperSearch.Data.Tests.Queue;

public sealed class LeaseTests
{
    private static readonly QueueSettings ShortLease = new(TimeSpan.FromSeconds(2), 2);

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Heartbeat_LeaseExpired_RequeuedWithNextAttemptAndEpochsKept(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider, ShortLease);
        var dead = await ClaimTests.Register(db);
        var alive = await ClaimTests.Register(db);
        var id = await db.Store.CreateSearchAsync(Specs.Search());
        var trial = (await Specs.AskAsync(db.WorkQueue, id, Specs.Slot(dead))).Trial!;
        await db.WorkQueue.ReportEpochAsync(trial.Lease, new EpochReport(1, 1.0, 0.9, 0.5, 0.01, 0.1));
        await db.WorkQueue.ReportEpochAsync(trial.Lease, new EpochReport(2, 0.8, 0.7, 0.6, 0.01, 0.2));

        await InContact.PassAsync(db, alive, TimeSpan.FromSeconds(3));
        var retry = await db.WorkQueue.ClaimQueuedAsync(Specs.Slot(alive));

        Assert.NotNull(retry);
        Assert.Equal(trial.Lease.TrialId, retry.Lease.TrialId);
        Assert.Equal(2, retry.Lease.Attempt);
        Assert.Equal([1, 2], (await db.Store.GetEpochsAsync(trial.Lease.TrialId)).Select(e => e.Epoch));
        // The vanished worker's lease is gone: it can neither write nor finish the trial.
        Assert.False(await db.WorkQueue.ReportEpochAsync(trial.Lease, new EpochReport(3, 0.5, 0.5, 0.7, 0.01, 0.3)));
        Assert.False(await db.WorkQueue.FinishTrialAsync(trial.Lease, new TrialResult(TrialState.Completed, 3)));
        var reply = await db.WorkQueue.HeartbeatAsync(dead, [trial.Lease]);
        Assert.Equal([trial.Lease.TrialId], reply.Lost);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task FinishTrial_RetryStopsEarlier_StaleEpochsOfEarlierAttemptRemoved(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider, ShortLease);
        var w = await ClaimTests.Register(db);
        var id = await db.Store.CreateSearchAsync(Specs.Search());
        var first = (await Specs.AskAsync(db.WorkQueue, id, Specs.Slot(w))).Trial!;
        for (var e = 1; e <= 3; e++) await db.WorkQueue.ReportEpochAsync(first.Lease, new EpochReport(e, 1, 1.0 / e, 0.5, 0.01, e));
        await InContact.PassAsync(db, w, TimeSpan.FromSeconds(3));
        var retry = (await db.WorkQueue.ClaimQueuedAsync(Specs.Slot(w)))!;

        await db.WorkQueue.ReportEpochAsync(retry.Lease, new EpochReport(1, 1, 0.95, 0.5, 0.01, 1));
        await db.WorkQueue.FinishTrialAsync(retry.Lease, new TrialResult(TrialState.Pruned, 1));

        var epochs = await db.Store.GetEpochsAsync(first.Lease.TrialId);
        var only = Assert.Single(epochs);
        Assert.Equal(2, only.Attempt);
        Assert.Equal(0.95, only.ValLoss);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Heartbeat_LastAttemptExpired_TrialFailedAndItsSearchWithIt(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider, ShortLease);
        var w = await ClaimTests.Register(db);
        var id = await db.Store.CreateSearchAsync(Specs.Search(budget: 1, parallelism: 1));
        await Specs.AskAsync(db.WorkQueue, id, Specs.Slot(w));
        await InContact.PassAsync(db, w, TimeSpan.FromSeconds(3));
        await db.WorkQueue.ClaimQueuedAsync(Specs.Slot(w));

        await InContact.PassAsync(db, w, TimeSpan.FromSeconds(3));

        var trial = Assert.Single((await db.Store.GetTrialsAsync(new Core.Searches.TrialQuery { SearchId = id })).Items);
        Assert.Equal(TrialState.Failed, trial.State);
        Assert.Contains("lease expired", trial.Error);
        var search = (await db.Store.GetSearchAsync(id))!.Summary;
        // Its only trial failed: the search failed too, naming the kind and the trial's error.
        Assert.Equal(Core.Searches.SearchState.Failed, search.State);
        Assert.StartsWith("every trial failed (1); the last: worker stopped answering — lease expired on attempt 2 of 2", search.Error);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Heartbeat_HeldLease_RenewedSoTrialIsNotReaped(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider, ShortLease);
        var w = await ClaimTests.Register(db);
        var id = await db.Store.CreateSearchAsync(Specs.Search());
        var trial = (await Specs.AskAsync(db.WorkQueue, id, Specs.Slot(w))).Trial!;

        for (var i = 0; i < 3; i++)
        {
            db.Time.Advance(TimeSpan.FromSeconds(1.5));
            var reply = await db.WorkQueue.HeartbeatAsync(w, [trial.Lease]);
            Assert.Empty(reply.Lost);
        }

        Assert.Equal(TrialState.Running, (await db.Store.GetTrialAsync(trial.Lease.TrialId))!.State);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Release_GracefulShutdown_RequeuedWithoutUsingAnAttempt(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider, ShortLease);
        var w = await ClaimTests.Register(db);
        var id = await db.Store.CreateSearchAsync(Specs.Search());
        var trial = (await Specs.AskAsync(db.WorkQueue, id, Specs.Slot(w))).Trial!;

        await db.WorkQueue.ReleaseAsync(trial.Lease);
        var again = await db.WorkQueue.ClaimQueuedAsync(Specs.Slot(w));

        Assert.Equal(trial.Lease.TrialId, again!.Lease.TrialId);
        Assert.Equal(1, again.Lease.Attempt);
    }
}

using HyperSearch.Core.Searches.Queue;
using HyperSearch.Core.Training;
using HyperSearch.Core.Trials;
using HyperSearch.Data.Tests.Infrastructure;

namespace HyperSearch.Data.Tests.Queue;

/// <summary>
/// An outage longer than a lease expires every lease while every worker is alive and training: the first
/// heartbeat after it must not reap them (their epochs wait in the workers' outboxes), only extend them.
/// </summary>
public sealed class OutageLeaseTests
{
    private static readonly QueueSettings Lease2s = new(TimeSpan.FromSeconds(2), 3);

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Heartbeat_FirstAfterAnOutageLongerThanTheLease_ExpiredLeasesExtendedHolderKeepsItsTrial(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider, Lease2s);
        var holder = await ClaimTests.Register(db);
        var other = await ClaimTests.Register(db);
        var id = await db.Store.CreateSearchAsync(Specs.Search());
        var trial = (await Specs.AskAsync(db.WorkQueue, id, Specs.Slot(holder))).Trial!;
        await db.WorkQueue.ReportEpochAsync(trial.Lease, new EpochReport(1, 1, 0.9, 0.5, 0.01, 1));

        db.Time.Advance(TimeSpan.FromSeconds(6)); // nobody reached the database for three leases
        var first = await db.WorkQueue.HeartbeatAsync(other, []);
        var holders = await db.WorkQueue.HeartbeatAsync(holder, [trial.Lease]);
        // The epochs it trained during the outage are accepted under the same attempt.
        var accepted = await db.WorkQueue.ReportEpochAsync(trial.Lease, new EpochReport(2, 1, 0.8, 0.6, 0.01, 2));

        Assert.Equal(1, first.LeasesExtended);
        Assert.Empty(holders.Lost);
        Assert.True(accepted);
        var row = (await db.Store.GetTrialAsync(trial.Lease.TrialId))!;
        Assert.Equal((TrialState.Running, 1, holder), (row.State, row.Attempt, row.WorkerId));
        Assert.Equal([1, 2], (await db.Store.GetEpochsAsync(row.Id)).Select(e => e.Epoch));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task FinishTrial_TrainedToTheEndDuringTheOutage_ItsWaitingEpochsAndResultAreKept(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider, Lease2s);
        var holder = await ClaimTests.Register(db);
        var other = await ClaimTests.Register(db);
        var id = await db.Store.CreateSearchAsync(Specs.Search(budget: 1, parallelism: 1));
        var trial = (await Specs.AskAsync(db.WorkQueue, id, Specs.Slot(holder))).Trial!;
        await db.WorkQueue.ReportEpochAsync(trial.Lease, new EpochReport(1, 1, 0.9, 0.5, 0.01, 1));

        db.Time.Advance(TimeSpan.FromSeconds(6)); // epochs 2 and 3 trained meanwhile, waiting in the holder's outbox
        await db.WorkQueue.HeartbeatAsync(other, []); // the other worker gets through first
        var flushed = new[]
        {
            await db.WorkQueue.ReportEpochAsync(trial.Lease, new EpochReport(2, 1, 0.8, 0.6, 0.01, 2)),
            await db.WorkQueue.ReportEpochAsync(trial.Lease, new EpochReport(3, 1, 0.7, 0.7, 0.01, 3)),
        };
        var finished = await db.WorkQueue.FinishTrialAsync(trial.Lease, new TrialResult(TrialState.Completed, 3));

        // Before, the other worker reaped it: these writes were refused and the trial retrained from scratch.
        Assert.Equal([true, true], flushed);
        Assert.True(finished);
        var row = (await db.Store.GetTrialAsync(trial.Lease.TrialId))!;
        Assert.Equal((TrialState.Completed, 1), (row.State, row.Attempt));
        Assert.Equal([1, 2, 3], (await db.Store.GetEpochsAsync(row.Id)).Select(e => e.Epoch));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Heartbeat_HolderDoesNotComeBackAfterTheOutage_ReapedByAWorkerInContactOneLeaseLater(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider, Lease2s);
        var dead = await ClaimTests.Register(db);
        var alive = await ClaimTests.Register(db);
        var id = await db.Store.CreateSearchAsync(Specs.Search());
        var trial = (await Specs.AskAsync(db.WorkQueue, id, Specs.Slot(dead))).Trial!;

        db.Time.Advance(TimeSpan.FromSeconds(6));
        var afterOutage = await db.WorkQueue.HeartbeatAsync(alive, []);
        var stillHeld = (await db.Store.GetTrialAsync(trial.Lease.TrialId))!.State;
        await InContact.PassAsync(db, alive, TimeSpan.FromSeconds(2.5));
        var retry = await db.WorkQueue.ClaimQueuedAsync(Specs.Slot(alive));

        Assert.Equal(1, afterOutage.LeasesExtended);
        Assert.Equal(TrialState.Running, stillHeld);
        Assert.NotNull(retry);
        Assert.Equal((trial.Lease.TrialId, 2), (retry.Lease.TrialId, retry.Lease.Attempt));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ClaimQueued_TrialWithStoredEpochs_ClaimSaysHowManySoNoCheckpointBeyondThemIsResumed(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider, Lease2s);
        var w = await ClaimTests.Register(db);
        var id = await db.Store.CreateSearchAsync(Specs.Search());
        var first = (await Specs.AskAsync(db.WorkQueue, id, Specs.Slot(w))).Trial!;
        for (var e = 1; e <= 2; e++) await db.WorkQueue.ReportEpochAsync(first.Lease, new EpochReport(e, 1, 1.0 / e, 0.5, 0.01, e));
        await InContact.PassAsync(db, w, TimeSpan.FromSeconds(3));

        var retry = (await db.WorkQueue.ClaimQueuedAsync(Specs.Slot(w)))!;

        Assert.Equal(0, first.EpochsStored);
        Assert.Equal((first.Lease.TrialId, 2, 2), (retry.Lease.TrialId, retry.Lease.Attempt, retry.EpochsStored));
    }
}

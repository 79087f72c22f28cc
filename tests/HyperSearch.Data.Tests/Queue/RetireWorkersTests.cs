using HyperSearch.Core.Searches;
using HyperSearch.Core.Searches.Queue;
using HyperSearch.Core.Training;
using HyperSearch.Core.Trials;
using HyperSearch.Data.Tests.Infrastructure;

namespace HyperSearch.Data.Tests.Queue;

/// <summary>A worker restarted on a crashed worker's machine takes its trials back at once, not a lease later.</summary>
public sealed class RetireWorkersTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task RetireWorkers_DeadWorkerHoldsTrials_RequeuedNowWithEpochsKeptWorkerStoppedParallelismFreed(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var dead = await ClaimTests.Register(db);
        var successor = await ClaimTests.Register(db);
        var id = await db.Store.CreateSearchAsync(Specs.Search(budget: 4, parallelism: 2));
        var a = (await Specs.AskAsync(db.WorkQueue, id, Specs.Slot(dead))).Trial!;
        var b = (await Specs.AskAsync(db.WorkQueue, id, Specs.Slot(dead, 1))).Trial!;
        await db.WorkQueue.ReportEpochAsync(a.Lease, new EpochReport(1, 1, 0.9, 0.5, 0.01, 1));
        var blocked = await Specs.AskAsync(db.WorkQueue, id, Specs.Slot(successor));

        var retired = await db.WorkQueue.RetireWorkersAsync([dead, "another-database-worker"]);
        var claimed = (await db.WorkQueue.ClaimQueuedAsync(Specs.Slot(successor)))!;

        Assert.Equal(AskStatus.NotAllowed, blocked.Status); // both slots of the parallelism were the dead worker's
        Assert.Equal([dead], retired.Workers);
        Assert.Equal(new[] { a.Lease.TrialId, b.Lease.TrialId }.Order(), retired.Trials.Order());
        Assert.Equal((a.Lease.TrialId, 2, 1), (claimed.Lease.TrialId, claimed.Lease.Attempt, claimed.EpochsStored));
        Assert.Equal([1], (await db.Store.GetEpochsAsync(a.Lease.TrialId)).Select(e => e.Epoch));
        Assert.DoesNotContain((await db.Store.GetQueueAsync()).Workers, w => w.Id == dead);
        Assert.Equal([a.Lease.TrialId], (await db.WorkQueue.HeartbeatAsync(dead, [a.Lease])).Lost);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task RetireWorkers_TrialOnItsLastAttempt_FailedAsWorkerLostAndTheSearchEnds(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider, new QueueSettings(TimeSpan.FromSeconds(30), 1));
        var dead = await ClaimTests.Register(db);
        var id = await db.Store.CreateSearchAsync(Specs.Search(budget: 1, parallelism: 1));
        var trial = (await Specs.AskAsync(db.WorkQueue, id, Specs.Slot(dead))).Trial!;

        await db.WorkQueue.RetireWorkersAsync([dead]);

        var row = (await db.Store.GetTrialAsync(trial.Lease.TrialId))!;
        Assert.Equal(TrialState.Failed, row.State);
        Assert.StartsWith($"worker {dead} died on attempt 1 of 1", row.Error);
        Assert.Equal(SearchState.Failed, (await db.Store.GetSearchAsync(id))!.Summary.State);
    }
}

using HyperSearch.Core.Searches;
using HyperSearch.Core.Searches.Queue;
using HyperSearch.Core.Training;
using HyperSearch.Core.Trials;
using HyperSearch.Data.Tests.Infrastructure;

namespace HyperSearch.Data.Tests.Queue;

public sealed class ClaimTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task InsertAskedTrial_BudgetUsed_NotAllowed(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var worker = await Register(db);
        var id = await db.Store.CreateSearchAsync(Specs.Search(budget: 2, parallelism: 2));

        var first = await Specs.AskAsync(db.WorkQueue, id, Specs.Slot(worker, 0));
        var second = await Specs.AskAsync(db.WorkQueue, id, Specs.Slot(worker, 1));
        var third = await db.WorkQueue.InsertAskedTrialAsync(id, 3, Specs.Config(), Specs.Slot(worker, 2));

        Assert.Equal(AskStatus.Claimed, first.Status);
        Assert.Equal(AskStatus.Claimed, second.Status);
        Assert.Equal(AskStatus.NotAllowed, third.Status);
        Assert.Equal([1, 2], [first.Trial!.Number, second.Trial!.Number]);
        Assert.Empty(await db.WorkQueue.GetAskCandidatesAsync(10));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task InsertAskedTrial_NumberAlreadyTaken_AsksToResample(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var worker = await Register(db);
        var id = await db.Store.CreateSearchAsync(Specs.Search(budget: 5, parallelism: 5));
        var stale = (await db.WorkQueue.GetAskCandidatesAsync(1)).Single();
        await db.WorkQueue.InsertAskedTrialAsync(id, stale.NextNumber, Specs.Config(), Specs.Slot(worker, 0));

        var late = await db.WorkQueue.InsertAskedTrialAsync(id, stale.NextNumber, Specs.Config(0.02), Specs.Slot(worker, 1));

        Assert.Equal(AskStatus.NumberTaken, late.Status);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task InsertAskedTrial_ParallelismReached_NotAllowed(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var worker = await Register(db);
        var id = await db.Store.CreateSearchAsync(Specs.Search(budget: 5, parallelism: 1));
        await Specs.AskAsync(db.WorkQueue, id, Specs.Slot(worker, 0));

        var second = await db.WorkQueue.InsertAskedTrialAsync(id, 2, Specs.Config(), Specs.Slot(worker, 1));

        Assert.Equal(AskStatus.NotAllowed, second.Status);
        Assert.Empty(await db.WorkQueue.GetAskCandidatesAsync(10));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task InsertAskedTrial_ManyConcurrentWorkers_BudgetNeverOvershot(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var id = await db.Store.CreateSearchAsync(Specs.Search(budget: 40, parallelism: 40));
        var workers = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Register(db)));

        var claimed = await Task.WhenAll(workers.Select(async w =>
        {
            var mine = 0;
            for (var i = 0; i < 400; i++)
            {
                var candidates = await db.WorkQueue.GetAskCandidatesAsync(1);
                if (candidates.Count == 0) break;
                var result = await db.WorkQueue.InsertAskedTrialAsync(id, candidates[0].NextNumber, Specs.Config(), Specs.Slot(w, i));
                if (result.Status == AskStatus.Claimed) mine++;
            }
            return mine;
        }));

        var page = await db.Store.GetTrialsAsync(new TrialQuery { SearchId = id, Take = 1000, Sort = TrialSort.Number });
        Assert.Equal(40, claimed.Sum());
        Assert.Equal(40, page.Total);
        Assert.Equal(Enumerable.Range(1, 40), page.Items.Select(t => t.Number));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ClaimQueued_SeveralSearches_PriorityThenFairShareThenAge(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider, new QueueSettings(TimeSpan.FromSeconds(10), 3));
        var worker = await Register(db);
        var low = await db.Store.CreateSearchAsync(Specs.Search(budget: 3, parallelism: 3, owner: "alice", name: "low"));
        var busy = await db.Store.CreateSearchAsync(Specs.Search(budget: 3, parallelism: 3, owner: "bob", name: "busy"));
        var idle = await db.Store.CreateSearchAsync(Specs.Search(budget: 3, parallelism: 3, owner: "carol", name: "idle"));
        // One trial each of low and idle, two of busy; then all leases expire and they are re-queued.
        var a = await Specs.AskAsync(db.WorkQueue, low, Specs.Slot(worker));
        var b1 = await Specs.AskAsync(db.WorkQueue, busy, Specs.Slot(worker));
        var b2 = await Specs.AskAsync(db.WorkQueue, busy, Specs.Slot(worker));
        db.Time.Advance(TimeSpan.FromSeconds(1));
        var c = await Specs.AskAsync(db.WorkQueue, idle, Specs.Slot(worker));
        await InContact.PassAsync(db, worker, TimeSpan.FromSeconds(11));
        await db.Store.SetPriorityAsync(low, 5);

        var order = new List<long>();
        for (var i = 0; i < 4; i++) order.Add((await db.WorkQueue.ClaimQueuedAsync(Specs.Slot(worker, i)))!.Lease.TrialId);

        // All three are in the default team, so the team share ties: low first (priority); then busy's
        // first trial (oldest, no search running anything), then idle (its search runs none while busy
        // now runs one), then busy's second. Across teams: FairShareTests.
        Assert.Equal([a.Trial!.Lease.TrialId, b1.Trial!.Lease.TrialId, c.Trial!.Lease.TrialId, b2.Trial!.Lease.TrialId], order);
        Assert.Null(await db.WorkQueue.ClaimQueuedAsync(Specs.Slot(worker, 9)));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ClaimQueued_SearchPaused_NothingClaimedUntilResumed(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider, new QueueSettings(TimeSpan.FromSeconds(10), 3));
        var worker = await Register(db);
        var id = await db.Store.CreateSearchAsync(Specs.Search(budget: 3, parallelism: 3));
        await Specs.AskAsync(db.WorkQueue, id, Specs.Slot(worker));
        await InContact.PassAsync(db, worker, TimeSpan.FromSeconds(11));

        Assert.True(await db.Store.PauseSearchAsync(id));
        var whilePaused = await db.WorkQueue.ClaimQueuedAsync(Specs.Slot(worker));
        var asks = await db.WorkQueue.GetAskCandidatesAsync(5);
        var queue = await db.Store.GetQueueAsync();
        Assert.True(await db.Store.ResumeSearchAsync(id));
        var afterResume = await db.WorkQueue.ClaimQueuedAsync(Specs.Slot(worker));

        Assert.Null(whilePaused);
        Assert.Empty(asks);
        Assert.Equal(WaitReason.Paused, Assert.Single(queue.Queued).Reason);
        Assert.NotNull(afterResume);
        Assert.Equal(2, afterResume.Lease.Attempt);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ReportEpoch_SameEpochTwice_OneRowWithLatestValues(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var worker = await Register(db);
        var id = await db.Store.CreateSearchAsync(Specs.Search());
        var trial = (await Specs.AskAsync(db.WorkQueue, id, Specs.Slot(worker))).Trial!;

        await db.WorkQueue.ReportEpochAsync(trial.Lease, new EpochReport(1, 2.0, 1.5, 0.3, 0.01, 0.1));
        await db.WorkQueue.ReportEpochAsync(trial.Lease, new EpochReport(1, 1.9, 1.4, 0.35, 0.01, 0.1));

        var epoch = Assert.Single(await db.Store.GetEpochsAsync(trial.Lease.TrialId));
        Assert.Equal(1.4, epoch.ValLoss);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ReportEpoch_NaNAndInfinity_StoredFaithfully(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var worker = await Register(db);
        var id = await db.Store.CreateSearchAsync(Specs.Search());
        var trial = (await Specs.AskAsync(db.WorkQueue, id, Specs.Slot(worker))).Trial!;

        await db.WorkQueue.ReportEpochAsync(trial.Lease, new EpochReport(1, double.PositiveInfinity, double.NaN, double.NegativeInfinity, 0.5, 0.1));

        var epoch = Assert.Single(await db.Store.GetEpochsAsync(trial.Lease.TrialId));
        Assert.Equal(double.PositiveInfinity, epoch.TrainLoss);
        Assert.True(double.IsNaN(epoch.ValLoss));
        Assert.Equal(double.NegativeInfinity, epoch.ValAccuracy);
        Assert.Equal(0.5, epoch.Lr);
        var row = await db.Store.GetTrialAsync(trial.Lease.TrialId);
        Assert.Null(row!.BestValue);
    }

    internal static Task<string> Register(TestDatabase db) =>
        db.WorkQueue.RegisterWorkerAsync(new WorkerRegistration("test", 1, [new DeviceSlots("cpu", 2)]));
}

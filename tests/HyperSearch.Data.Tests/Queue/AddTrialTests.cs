using HyperSearch.Core.Searches;
using HyperSearch.Core.Searches.Queue;
using HyperSearch.Core.Training;
using HyperSearch.Core.Trials;
using HyperSearch.Data.Tests.Infrastructure;

namespace HyperSearch.Data.Tests.Queue;

/// <summary>A trial added by hand ("re-run with changes") joins its search, is claimed first and is ranked with the others.</summary>
public sealed class AddTrialTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AddTrial_RunningSearch_NextNumberQueuedAndClaimedBeforeTheSamplerIsAsked(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var w = await ClaimTests.Register(db);
        var id = await db.Store.CreateSearchAsync(Specs.Search(budget: 3, parallelism: 2));
        var sampled = (await Specs.AskAsync(db.WorkQueue, id, Specs.Slot(w))).Trial!;

        var added = await db.Store.AddTrialAsync(id, Specs.Config(0.042));
        var claimed = await db.WorkQueue.ClaimQueuedAsync(Specs.Slot(w, 1));

        Assert.Equal(AddTrialStatus.Added, added.Status);
        Assert.Equal(2, added.Number);
        Assert.Equal(added.TrialId, claimed!.Lease.TrialId);
        Assert.Equal(0.042, claimed.Config.InitialLr);
        Assert.Equal(TrialKind.Search, claimed.Kind);
        // The budget grew by one: the sampler still gets its three trials (numbers 3 and 4 remain).
        var summary = (await db.Store.GetSearchAsync(id))!.Summary;
        Assert.Equal(4, summary.Budget);
        await db.WorkQueue.FinishTrialAsync(sampled.Lease, new TrialResult(TrialState.Completed, 0));
        Assert.Equal(3, (await Specs.AskAsync(db.WorkQueue, id, Specs.Slot(w))).Trial!.Number);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AddTrial_CompletedSearch_ReopensRanksItAndTestsTheNewBest(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var w = await ClaimTests.Register(db);
        var id = await db.Store.CreateSearchAsync(Specs.Search(budget: 1, parallelism: 1));
        var first = (await Specs.AskAsync(db.WorkQueue, id, Specs.Slot(w))).Trial!;
        await db.WorkQueue.ReportEpochAsync(first.Lease, new EpochReport(1, 1, 0.5, 0.5, 0.01, 1));
        await db.WorkQueue.FinishTrialAsync(first.Lease, new TrialResult(TrialState.Completed, 1));
        var firstTest = (await db.WorkQueue.ClaimQueuedAsync(Specs.Slot(w)))!;
        await db.WorkQueue.FinishTrialAsync(firstTest.Lease, new TrialResult(TrialState.Completed, 1, TestLoss: 0.6, TestAccuracy: 0.7));
        Assert.Equal(SearchState.Completed, (await db.Store.GetSearchAsync(id))!.Summary.State);

        var added = await db.Store.AddTrialAsync(id, Specs.Config(0.05));
        var reopened = (await db.Store.GetSearchAsync(id))!.Summary;
        var manual = (await db.WorkQueue.ClaimQueuedAsync(Specs.Slot(w)))!;
        await db.WorkQueue.ReportEpochAsync(manual.Lease, new EpochReport(1, 1, 0.2, 0.8, 0.01, 1));
        await db.WorkQueue.FinishTrialAsync(manual.Lease, new TrialResult(TrialState.Completed, 1));
        var secondTest = (await db.WorkQueue.ClaimQueuedAsync(Specs.Slot(w)))!;
        await db.WorkQueue.FinishTrialAsync(secondTest.Lease, new TrialResult(TrialState.Completed, 1, TestLoss: 0.25, TestAccuracy: 0.9));

        Assert.Equal(AddTrialStatus.Added, added.Status);
        Assert.Equal(SearchState.Running, reopened.State);
        Assert.Null(reopened.FinishedAt);
        Assert.Equal(added.TrialId, manual.Lease.TrialId);
        Assert.Equal(TrialKind.TestRun, secondTest.Kind);
        Assert.Equal(2, secondTest.Number);
        var done = (await db.Store.GetSearchAsync(id))!.Summary;
        Assert.Equal(SearchState.Completed, done.State);
        Assert.Equal(added.TrialId, done.BestTrialId);
        Assert.Equal(0.9, done.TestAccuracy);
        var ranked = await db.Store.GetTrialsAsync(new TrialQuery { SearchId = id });
        Assert.Equal([2, 1], ranked.Items.Select(t => t.Number));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AddTrial_CompletedSearchWhoseBestStays_CompletesAgainWithoutAnotherTestRun(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var w = await ClaimTests.Register(db);
        var id = await db.Store.CreateSearchAsync(Specs.Search(budget: 1, parallelism: 1));
        var first = (await Specs.AskAsync(db.WorkQueue, id, Specs.Slot(w))).Trial!;
        await db.WorkQueue.ReportEpochAsync(first.Lease, new EpochReport(1, 1, 0.2, 0.2, 0.01, 1));
        await db.WorkQueue.FinishTrialAsync(first.Lease, new TrialResult(TrialState.Completed, 1));
        var test = (await db.WorkQueue.ClaimQueuedAsync(Specs.Slot(w)))!;
        await db.WorkQueue.FinishTrialAsync(test.Lease, new TrialResult(TrialState.Completed, 1, TestLoss: 0.3, TestAccuracy: 0.8));

        await db.Store.AddTrialAsync(id, Specs.Config(0.09));
        var manual = (await db.WorkQueue.ClaimQueuedAsync(Specs.Slot(w)))!;
        await db.WorkQueue.ReportEpochAsync(manual.Lease, new EpochReport(1, 1, 0.9, 0.9, 0.01, 1));
        await db.WorkQueue.FinishTrialAsync(manual.Lease, new TrialResult(TrialState.Completed, 1));

        var done = (await db.Store.GetSearchAsync(id))!.Summary;
        Assert.Equal(SearchState.Completed, done.State);
        Assert.Equal(first.Lease.TrialId, done.BestTrialId);
        Assert.Equal(0.8, done.TestAccuracy);
        Assert.Null(await db.WorkQueue.ClaimQueuedAsync(Specs.Slot(w)));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AddTrial_CancelledOrMissingSearch_Refused(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var id = await db.Store.CreateSearchAsync(Specs.Search());
        await db.Store.CancelSearchAsync(id);

        Assert.Equal(AddTrialStatus.SearchStopped, (await db.Store.AddTrialAsync(id, Specs.Config())).Status);
        Assert.Equal(AddTrialStatus.SearchNotFound, (await db.Store.AddTrialAsync(id + 100, Specs.Config())).Status);
        Assert.Equal(0, (await db.Store.GetTrialsAsync(new TrialQuery { SearchId = id })).Total);
    }
}

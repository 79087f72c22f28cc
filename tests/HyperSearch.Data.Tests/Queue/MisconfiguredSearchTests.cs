using HyperSearch.Core.Searches;
using HyperSearch.Core.Searches.Queue;
using HyperSearch.Core.Trials;
using HyperSearch.Data.Tests.Infrastructure;

namespace HyperSearch.Data.Tests.Queue;

/// <summary>A search whose first trials all fail alike pauses itself instead of spending its budget on failures.</summary>
public sealed class MisconfiguredSearchTests
{
    private const string MissingDataset = "DirectoryNotFoundException: dataset directory '/data/fashion-mnist' does not exist";

    private static async Task<(TestDatabase Db, string Worker, long SearchId)> SearchAsync(string provider)
    {
        var db = await TestDatabase.CreateAsync(provider);
        var worker = await ClaimTests.Register(db);
        return (db, worker, await db.Store.CreateSearchAsync(Specs.Search(budget: 20, parallelism: 4)));
    }

    private static async Task FinishNextAsync(TestDatabase db, string worker, long searchId, TrialState state, string? error)
    {
        var trial = (await Specs.AskAsync(db.WorkQueue, searchId, Specs.Slot(worker))).Trial!;
        await db.WorkQueue.FinishTrialAsync(trial.Lease, new TrialResult(state, 0, Error: error));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task FinishTrial_FirstThreeFailWithTheSameError_SearchPausedShowingTheErrorNothingMoreAsked(string provider)
    {
        var (db, worker, id) = await SearchAsync(provider);
        await using var _ = db;

        for (var i = 0; i < 2; i++) await FinishNextAsync(db, worker, id, TrialState.Failed, MissingDataset);
        var afterTwo = (await db.Store.GetSearchAsync(id))!.Summary;
        await FinishNextAsync(db, worker, id, TrialState.Failed, MissingDataset);
        var summary = (await db.Store.GetSearchAsync(id))!.Summary;

        Assert.Equal(SearchState.Running, afterTwo.State);
        Assert.Equal(SearchState.Paused, summary.State);
        Assert.Contains(MissingDataset, summary.Error);
        Assert.Equal(3, summary.Counts.Failed);
        Assert.Empty(await db.WorkQueue.GetAskCandidatesAsync(3));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ResumeAfterSelfPause_ErrorClearedAndTheNextFailureDoesNotPauseAgain(string provider)
    {
        var (db, worker, id) = await SearchAsync(provider);
        await using var _ = db;
        for (var i = 0; i < 3; i++) await FinishNextAsync(db, worker, id, TrialState.Failed, MissingDataset);

        Assert.True(await db.Store.ResumeSearchAsync(id));
        await FinishNextAsync(db, worker, id, TrialState.Failed, MissingDataset);
        var summary = (await db.Store.GetSearchAsync(id))!.Summary;

        Assert.Equal(SearchState.Running, summary.State);
        Assert.Null(summary.Error);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task FinishTrial_FailuresDiffer_SearchGoesOn(string provider)
    {
        var (db, worker, id) = await SearchAsync(provider);
        await using var _ = db;

        await FinishNextAsync(db, worker, id, TrialState.Failed, MissingDataset);
        await FinishNextAsync(db, worker, id, TrialState.Failed, "OutOfMemoryException: CUDA out of memory");
        await FinishNextAsync(db, worker, id, TrialState.Failed, MissingDataset);

        Assert.Equal(SearchState.Running, (await db.Store.GetSearchAsync(id))!.Summary.State);
    }
}

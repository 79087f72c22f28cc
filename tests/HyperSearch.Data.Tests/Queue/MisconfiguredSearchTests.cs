using HyperSearch.Core.Faults;
using HyperSearch.Core.Searches;
using HyperSearch.Core.Searches.Queue;
using HyperSearch.Core.Trials;
using HyperSearch.Data.Tests.Infrastructure;

namespace HyperSearch.Data.Tests.Queue;

/// <summary>A search whose trials keep failing alike pauses itself instead of spending its budget on failures.</summary>
public sealed class MisconfiguredSearchTests
{
    private const string MissingDataset = "DirectoryNotFoundException: dataset directory '/data/fashion-mnist' does not exist";

    private static async Task<(TestDatabase Db, string Worker, long SearchId)> SearchAsync(string provider)
    {
        var db = await TestDatabase.CreateAsync(provider);
        var worker = await ClaimTests.Register(db);
        return (db, worker, await db.Store.CreateSearchAsync(Specs.Search(budget: 20, parallelism: 4)));
    }

    private static async Task FinishNextAsync(TestDatabase db, string worker, long searchId, TrialState state, string? error, FailureKind? kind = null)
    {
        var trial = (await Specs.AskAsync(db.WorkQueue, searchId, Specs.Slot(worker))).Trial!;
        await db.WorkQueue.FinishTrialAsync(trial.Lease, new TrialResult(state, 0, Error: error, Kind: kind));
        // Finish times must differ for the order "latest first" to be the order they finished in.
        db.Time.Advance(TimeSpan.FromMilliseconds(10));
    }

    // A full checkpoint disk: every message names the trial's own temporary file.
    private static string DiskFull(int trial) => $"IOException: No space left on device : '/ckpt/trial-{trial}.ckpt.4242.{17 + trial}.tmp'";

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task FinishTrial_ThreeFailuresOfOneKindWithDifferentMessages_SearchPausedNamingTheKind(string provider)
    {
        var (db, worker, id) = await SearchAsync(provider);
        await using var _ = db;

        for (var i = 1; i <= 2; i++) await FinishNextAsync(db, worker, id, TrialState.Failed, DiskFull(i), FailureKind.DiskFull);
        var afterTwo = (await db.Store.GetSearchAsync(id))!.Summary.State;
        await FinishNextAsync(db, worker, id, TrialState.Failed, DiskFull(3), FailureKind.DiskFull);
        var summary = (await db.Store.GetSearchAsync(id))!.Summary;

        Assert.Equal(SearchState.Running, afterTwo);
        Assert.Equal(SearchState.Paused, summary.State);
        Assert.Equal($"paused itself: its last 3 trials failed alike (disk full), so the next would too — {DiskFull(3)}", summary.Error);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task FinishTrial_DiskFillsAfterTrialsCompleted_PausedAfterThreeInARowThenAgainAfterThreeMoreOnceResumed(string provider)
    {
        var (db, worker, id) = await SearchAsync(provider);
        await using var _ = db;
        for (var i = 0; i < 4; i++) await FinishNextAsync(db, worker, id, TrialState.Completed, null);

        for (var i = 5; i <= 7; i++) await FinishNextAsync(db, worker, id, TrialState.Failed, DiskFull(i), FailureKind.DiskFull);
        var paused = (await db.Store.GetSearchAsync(id))!.Summary.State;
        Assert.True(await db.Store.ResumeSearchAsync(id));
        for (var i = 8; i <= 9; i++) await FinishNextAsync(db, worker, id, TrialState.Failed, DiskFull(i), FailureKind.DiskFull);
        var afterTwoMore = (await db.Store.GetSearchAsync(id))!.Summary.State;
        await FinishNextAsync(db, worker, id, TrialState.Failed, DiskFull(10), FailureKind.DiskFull);

        Assert.Equal(SearchState.Paused, paused);
        Assert.Equal(SearchState.Running, afterTwoMore);
        Assert.Equal(SearchState.Paused, (await db.Store.GetSearchAsync(id))!.Summary.State);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task FinishTrial_KindsDiffer_SearchGoesOn(string provider)
    {
        var (db, worker, id) = await SearchAsync(provider);
        await using var _ = db;

        await FinishNextAsync(db, worker, id, TrialState.Failed, DiskFull(1), FailureKind.DiskFull);
        await FinishNextAsync(db, worker, id, TrialState.Failed, "ArgumentException: params.hidden: must be an integer in [1, 4096]; got 5146", FailureKind.InvalidParameter);
        await FinishNextAsync(db, worker, id, TrialState.Failed, DiskFull(3), FailureKind.DiskFull);

        Assert.Equal(SearchState.Running, (await db.Store.GetSearchAsync(id))!.Summary.State);
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

using HyperSearch.Core.Sampling;
using HyperSearch.Core.Searches;
using HyperSearch.Core.Searches.Queue;
using HyperSearch.Core.Training;
using HyperSearch.Core.Trials;
using HyperSearch.Data.Tests.Infrastructure;

namespace HyperSearch.Data.Tests.Queue;

public sealed class LifecycleTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task FinishTrial_BudgetUsed_BestRecordedThenTestRunOnceThenCompleted(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var w = await ClaimTests.Register(db);
        var id = await db.Store.CreateSearchAsync(Specs.Search(budget: 3, parallelism: 3, direction: ObjectiveDirection.Maximize) with { Objective = ObjectiveMetric.ValAccuracy });
        double[] accuracies = [0.6, 0.9, 0.7];
        var trials = new List<ClaimedTrial>();
        foreach (var acc in accuracies)
        {
            var t = (await Specs.AskAsync(db.WorkQueue, id, Specs.Slot(w), lr: acc / 10)).Trial!;
            await db.WorkQueue.ReportEpochAsync(t.Lease, new EpochReport(1, 1, 1, acc - 0.1, 0.01, 1));
            await db.WorkQueue.ReportEpochAsync(t.Lease, new EpochReport(2, 1, 1, acc, 0.01, 1));
            trials.Add(t);
        }
        foreach (var t in trials) await db.WorkQueue.FinishTrialAsync(t.Lease, new TrialResult(TrialState.Completed, 2));

        var evaluating = (await db.Store.GetSearchAsync(id))!.Summary;
        var testRun = await db.WorkQueue.ClaimQueuedAsync(Specs.Slot(w));
        await db.WorkQueue.FinishTrialAsync(testRun!.Lease, new TrialResult(TrialState.Completed, 2, TestLoss: 0.31, TestAccuracy: 0.88));
        var done = (await db.Store.GetSearchAsync(id))!.Summary;

        Assert.Equal(SearchState.Evaluating, evaluating.State);
        Assert.Equal(trials[1].Lease.TrialId, evaluating.BestTrialId);
        Assert.Equal(0.9, evaluating.BestValue);
        Assert.Equal(TrialKind.TestRun, testRun.Kind);
        Assert.Equal(trials[1].Number, testRun.Number);
        Assert.Equal(trials[1].Seed, testRun.Seed);
        Assert.Equal(trials[1].Config, testRun.Config);
        Assert.Equal(SearchState.Completed, done.State);
        Assert.Equal(0.88, done.TestAccuracy);
        Assert.Equal(0.88, (await db.Store.GetTrialAsync(trials[1].Lease.TrialId))!.TestAccuracy);
        Assert.Equal(3, done.Counts.Completed);
        Assert.Null(await db.WorkQueue.ClaimQueuedAsync(Specs.Slot(w)));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task FinishTrial_LastTrialsFinishConcurrently_SearchStillCompletes(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var w = await ClaimTests.Register(db);
        for (var round = 0; round < 5; round++)
        {
            var id = await db.Store.CreateSearchAsync(Specs.Search(budget: 4, parallelism: 4));
            var trials = new List<ClaimedTrial>();
            for (var i = 0; i < 4; i++) trials.Add((await Specs.AskAsync(db.WorkQueue, id, Specs.Slot(w, i))).Trial!);
            foreach (var t in trials) await db.WorkQueue.ReportEpochAsync(t.Lease, new EpochReport(1, 1, 0.5, 0.5, 0.01, 1));

            await Task.WhenAll(trials.Select(t => db.WorkQueue.FinishTrialAsync(t.Lease, new TrialResult(TrialState.Completed, 1))));

            Assert.Equal(SearchState.Evaluating, (await db.Store.GetSearchAsync(id))!.Summary.State);
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task MarkSamplerExhausted_GridDoneBeforeBudget_SearchMovesToTestRun(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var w = await ClaimTests.Register(db);
        var id = await db.Store.CreateSearchAsync(Specs.Search(budget: 10, parallelism: 2));
        var t = (await Specs.AskAsync(db.WorkQueue, id, Specs.Slot(w))).Trial!;
        await db.WorkQueue.ReportEpochAsync(t.Lease, new EpochReport(1, 1, 0.5, 0.5, 0.01, 1));

        await db.WorkQueue.MarkSamplerExhaustedAsync(id);
        var whileRunning = (await db.Store.GetSearchAsync(id))!;
        await db.WorkQueue.FinishTrialAsync(t.Lease, new TrialResult(TrialState.Completed, 1));

        Assert.Equal(SearchState.Running, whileRunning.Summary.State);
        Assert.True(whileRunning.SamplerExhausted);
        Assert.Empty(await db.WorkQueue.GetAskCandidatesAsync(5));
        Assert.Equal(SearchState.Evaluating, (await db.Store.GetSearchAsync(id))!.Summary.State);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task CancelSearch_RunningTrial_WorkerToldToStopAndQueuedCancelled(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider, new QueueSettings(TimeSpan.FromSeconds(5), 3));
        var w = await ClaimTests.Register(db);
        var id = await db.Store.CreateSearchAsync(Specs.Search(budget: 5, parallelism: 2));
        var queued = (await Specs.AskAsync(db.WorkQueue, id, Specs.Slot(w))).Trial!;
        await InContact.PassAsync(db, w, TimeSpan.FromSeconds(6));
        var running = (await Specs.AskAsync(db.WorkQueue, id, Specs.Slot(w))).Trial!;

        Assert.True(await db.Store.CancelSearchAsync(id));
        var reply = await db.WorkQueue.HeartbeatAsync(w, [running.Lease]);
        var goOn = await db.WorkQueue.ReportEpochAsync(running.Lease, new EpochReport(1, 1, 1, 0.1, 0.01, 1));
        await db.WorkQueue.FinishTrialAsync(running.Lease, new TrialResult(TrialState.Cancelled, 1));

        Assert.Equal([running.Lease.TrialId], reply.Cancel);
        Assert.False(goOn);
        Assert.Equal(TrialState.Cancelled, (await db.Store.GetTrialAsync(queued.Lease.TrialId))!.State);
        var summary = (await db.Store.GetSearchAsync(id))!.Summary;
        Assert.Equal(SearchState.Cancelled, summary.State);
        Assert.Equal(2, summary.Counts.Cancelled);
        Assert.Null(await db.WorkQueue.ClaimQueuedAsync(Specs.Slot(w)));
        Assert.Empty(await db.WorkQueue.GetAskCandidatesAsync(5));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task CancelTrial_Running_StopsOnlyThatTrial(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var w = await ClaimTests.Register(db);
        var id = await db.Store.CreateSearchAsync(Specs.Search(budget: 5, parallelism: 2));
        var a = (await Specs.AskAsync(db.WorkQueue, id, Specs.Slot(w))).Trial!;
        var b = (await Specs.AskAsync(db.WorkQueue, id, Specs.Slot(w, 1))).Trial!;

        Assert.True(await db.Store.CancelTrialAsync(a.Lease.TrialId));
        var reply = await db.WorkQueue.HeartbeatAsync(w, [a.Lease, b.Lease]);

        Assert.Equal([a.Lease.TrialId], reply.Cancel);
        Assert.Equal(SearchState.Running, (await db.Store.GetSearchAsync(id))!.Summary.State);
    }
}

using HyperSearch.Core.Pruning;
using HyperSearch.Core.Sampling;
using HyperSearch.Core.Searches;
using HyperSearch.Core.Training;
using HyperSearch.Core.Trials;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace HyperSearch.Worker.Tests;

public sealed class WorkerServiceTests
{
    [Fact]
    public async Task RunSearch_TwoWorkersFourSlots_EveryTrialOnceBudgetExactTestRunDone()
    {
        var path = WorkerHarness.NewDatabasePath();
        await using var a = await new WorkerHarness(path).StartAsync();
        await using var b = await new WorkerHarness(path).StartAsync();
        var id = await a.Store.CreateSearchAsync(TestSpecs.Search(budget: 16, parallelism: 4));

        await WorkerHarness.WaitUntilAsync(async () => (await a.Store.GetSearchAsync(id))!.Summary.State == SearchState.Completed, "the search completes");

        var search = (await a.Store.GetSearchAsync(id))!.Summary;
        var trials = await a.Store.GetTrialsAsync(new TrialQuery { SearchId = id, Take = 100, Sort = TrialSort.Number });
        Assert.Equal(16, trials.Total);
        Assert.Equal(Enumerable.Range(1, 16), trials.Items.Select(t => t.Number));
        Assert.All(trials.Items, t => Assert.Equal(TrialState.Completed, t.State));
        Assert.All(trials.Items, t => Assert.Equal(1, t.Attempt));
        foreach (var t in trials.Items)
            Assert.Equal([1, 2, 3], (await a.Store.GetEpochsAsync(t.Id)).Select(e => e.Epoch));
        Assert.Equal(16, search.Counts.Completed);
        Assert.NotNull(search.BestTrialId);
        Assert.Equal(trials.Items.Min(t => t.BestValue), search.BestValue);
        Assert.NotNull(search.TestLoss);
        Assert.All(trials.Items, t => Assert.Contains(t.WorkerId, new[] { a.Worker.WorkerId, b.Worker.WorkerId }));
    }

    [Fact]
    public async Task CancelSearch_WhileTrialsRun_RunningTrialsStopAsCancelled()
    {
        var path = WorkerHarness.NewDatabasePath();
        await using var w = await new WorkerHarness(path, epochMs: 100).StartAsync();
        var id = await w.Store.CreateSearchAsync(TestSpecs.Search(budget: 10, parallelism: 2, epochs: 100));
        await WorkerHarness.WaitUntilAsync(async () => (await w.Store.GetSearchAsync(id))!.Summary.Counts.Running == 2, "two trials run");

        Assert.True(await w.Store.CancelSearchAsync(id));

        await WorkerHarness.WaitUntilAsync(async () => (await w.Store.GetSearchAsync(id))!.Summary.Counts.Running == 0, "the running trials stop", 10);
        var summary = (await w.Store.GetSearchAsync(id))!.Summary;
        Assert.Equal(SearchState.Cancelled, summary.State);
        Assert.Equal(2, summary.Counts.Cancelled);
        Assert.Equal(2, summary.Counts.Total);
    }

    [Fact]
    public async Task StopWorker_MidTrial_TrialReleasedThenFinishedByAnotherWorker()
    {
        var path = WorkerHarness.NewDatabasePath();
        var first = await new WorkerHarness(path, devices: "cpu:1", epochMs: 100).StartAsync();
        var id = await first.Store.CreateSearchAsync(TestSpecs.Search(budget: 1, parallelism: 1, epochs: 5));
        await WorkerHarness.WaitUntilAsync(async () =>
            (await first.Store.GetTrialsAsync(new TrialQuery { SearchId = id })).Items.FirstOrDefault()?.EpochsDone >= 1, "an epoch is written");

        await first.DisposeAsync();
        await using var second = new WorkerHarness(path, devices: "cpu:1", epochMs: 10);
        var released = (await second.Store.GetTrialsAsync(new TrialQuery { SearchId = id })).Items.Single();
        await second.StartAsync();
        await WorkerHarness.WaitUntilAsync(async () => (await second.Store.GetSearchAsync(id))!.Summary.State == SearchState.Completed, "the search completes");

        var done = await second.Store.GetTrialAsync(released.Id);
        Assert.Equal(TrialState.Queued, released.State);
        Assert.Equal(1, released.Attempt);
        Assert.Equal(TrialState.Completed, done!.State);
        Assert.Equal(second.Worker.WorkerId, done.WorkerId);
        Assert.Equal(5, (await second.Store.GetEpochsAsync(released.Id)).Count);
    }

    [Fact]
    public async Task TrainerThrows_TrialFailedWithErrorAndSearchGoesOnThenFailsWhenEveryTrialFailed()
    {
        var path = WorkerHarness.NewDatabasePath();
        await using var w = await new WorkerHarness(path, configure: s =>
        {
            s.RemoveAll<ITrainer>();
            s.AddSingleton<ITrainer, ThrowingTrainer>();
        }).StartAsync();
        var id = await w.Store.CreateSearchAsync(TestSpecs.Search(budget: 2, parallelism: 1));

        await WorkerHarness.WaitUntilAsync(async () => (await w.Store.GetSearchAsync(id))!.Summary.State.IsFinal(), "the search ends");

        var trials = (await w.Store.GetTrialsAsync(new TrialQuery { SearchId = id })).Items;
        var summary = (await w.Store.GetSearchAsync(id))!.Summary;
        Assert.Equal(2, trials.Count);
        Assert.All(trials, t => Assert.Equal(TrialState.Failed, t.State));
        Assert.All(trials, t => Assert.Contains("native failure", t.Error));
        // Nothing trained: the search failed, it did not complete.
        Assert.Equal(SearchState.Failed, summary.State);
        Assert.Contains("every trial failed (2); the last: out of memory — InvalidOperationException: native failure: out of memory", summary.Error);
    }

    [Fact]
    public async Task Pruner_SaysStopAtEpochTwo_TrialPrunedAfterTwoEpochs()
    {
        var path = WorkerHarness.NewDatabasePath();
        var pruner = new PruneAtEpoch(2);
        await using var w = await new WorkerHarness(path, configure: s => s.Replace(ServiceDescriptor.Singleton<IPrunerProvider>(pruner))).StartAsync();
        var id = await w.Store.CreateSearchAsync(TestSpecs.Search(budget: 1, parallelism: 1, epochs: 5, pruner: "median"));

        await WorkerHarness.WaitUntilAsync(async () => (await w.Store.GetSearchAsync(id))!.Summary.State == SearchState.Completed, "the search completes");

        var trial = (await w.Store.GetTrialsAsync(new TrialQuery { SearchId = id })).Items.Single();
        Assert.Equal(TrialState.Pruned, trial.State);
        Assert.Equal(2, trial.EpochsDone);
        Assert.Equal([1, 2], pruner.StepsSeen);
        Assert.Equal([1, 2], pruner.CurrentLengths);
    }

    private sealed class ThrowingTrainer : ITrainer
    {
        public Task<TrainingOutcome> TrainAsync(TrainingRequest request, Func<EpochReport, ValueTask<bool>> onEpoch, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("native failure: out of memory");
    }

    private sealed class PruneAtEpoch(int epoch) : IPrunerProvider, IPruner
    {
        public List<int> StepsSeen { get; } = [];
        public List<int> CurrentLengths { get; } = [];

        public IPruner? Create(PrunerSpec spec) => spec.Type == "none" ? null : this;

        public bool ShouldPrune(int step, TrialCurve current, IReadOnlyList<TrialCurve> others, ObjectiveDirection direction)
        {
            StepsSeen.Add(step);
            CurrentLengths.Add(current.Values.Count);
            return step >= epoch;
        }
    }
}

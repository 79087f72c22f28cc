using HyperSearch.Core.Searches;
using HyperSearch.Core.Trials;
using HyperSearch.Web.Analysis;
using HyperSearch.Web.Components.Charts;
using HyperSearch.Web.Components.Search;

namespace HyperSearch.Web.Tests.Analysis;

/// <summary>Every viewer of a search shares one build of its analysis charts per filter until its trials change.</summary>
public class AnalysisCacheTests
{
    private sealed class ManualTime : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = new(2026, 12, 2, 9, 0, 0, TimeSpan.Zero);
        public override DateTimeOffset GetUtcNow() => Now;
    }

    private readonly ManualTime time = new();
    private int builds;

    private Task<AnalysisCharts> BuildAsync()
    {
        builds++;
        return Task.FromResult(new AnalysisCharts(new ScatterChartSpec([]), new LineChartSpec([]), new ParallelChartSpec([], []), $"build {builds}"));
    }

    private static SearchSummary Search(SearchState state, int completed, int running = 0) => new()
    {
        Id = 1, Name = "s", Owner = "ann", Workload = "w", Strategy = HyperSearch.Core.Sampling.SearchStrategy.Random, State = state,
        Objective = ObjectiveMetric.ValLoss, Direction = HyperSearch.Core.Sampling.ObjectiveDirection.Minimize, Budget = 100, Parallelism = 2,
        Epochs = 5, Priority = 0, Counts = new TrialCounts(0, running, completed, 0, 0, 0, 0), CreatedAt = DateTimeOffset.UnixEpoch, UpdatedAt = DateTimeOffset.UnixEpoch,
    };

    private static TrialQuery Filter(params TrialState[] states) => new() { SearchId = 1, States = states.Length > 0 ? states : null };

    [Fact]
    public async Task Get_FinishedSearchSameCounts_OneBuildForEveryViewerAndAnyAge()
    {
        var cache = new AnalysisCache(time);
        var search = Search(SearchState.Completed, completed: 100);

        var first = await cache.GetAsync(search, Filter(), BuildAsync);
        time.Now += TimeSpan.FromMinutes(1);
        var second = await cache.GetAsync(search, Filter() with { Skip = 25, Sort = TrialSort.InitialLr }, BuildAsync);

        Assert.Same(first, second);
        Assert.Equal(1, builds);
    }

    [Fact]
    public async Task Get_OtherFilterOrChangedCounts_BuildsAgain()
    {
        var cache = new AnalysisCache(time);
        var search = Search(SearchState.Completed, completed: 100);
        var all = await cache.GetAsync(search, Filter(), BuildAsync);

        var completedOnly = await cache.GetAsync(search, Filter(TrialState.Completed), BuildAsync);
        var reopened = await cache.GetAsync(Search(SearchState.Running, completed: 100, running: 1), Filter(), BuildAsync);

        Assert.NotSame(all, completedOnly);
        Assert.NotSame(all, reopened);
        Assert.Equal(3, builds);
    }

    [Fact]
    public async Task Get_RunningSearch_ReusedOnlyUntilMaxAge()
    {
        var cache = new AnalysisCache(time);
        var search = Search(SearchState.Running, completed: 10, running: 2);
        var first = await cache.GetAsync(search, Filter(), BuildAsync);

        time.Now += AnalysisCache.MaxAge / 2;
        var young = await cache.GetAsync(search, Filter(), BuildAsync);
        time.Now += AnalysisCache.MaxAge;
        var old = await cache.GetAsync(search, Filter(), BuildAsync);

        Assert.Same(first, young);
        Assert.NotSame(first, old);
    }

    [Fact]
    public async Task Get_CallerCancels_TheSharedBuildGoesOnForTheOthers()
    {
        var cache = new AnalysisCache(time);
        var search = Search(SearchState.Completed, completed: 100);
        var release = new TaskCompletionSource<AnalysisCharts>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var closed = new CancellationTokenSource();

        var leaving = cache.GetAsync(search, Filter(), () => release.Task, closed.Token);
        var staying = cache.GetAsync(search, Filter(), BuildAsync);
        await closed.CancelAsync();
        release.SetResult(await BuildAsync());

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => leaving);
        Assert.Equal("build 1", (await staying).ScatterCaption);
        Assert.Equal(1, builds);
    }
}

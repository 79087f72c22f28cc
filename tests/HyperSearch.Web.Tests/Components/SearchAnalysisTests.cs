using Bunit;
using HyperSearch.Web.Components.Charts;
using HyperSearch.Web.Components.Search;
using Microsoft.AspNetCore.Components;

namespace HyperSearch.Web.Tests.Components;

/// <summary>The whole-search charts read light trial points, not curves, and only the parallel coordinates' top trials whole.</summary>
public class SearchAnalysisTests : DashboardTestContext
{
    [Fact]
    public async Task Render_ManyTrials_ScatterAndBestSoFarFromPointsNoEpochsAndOnlyTheTopTrialsWhole()
    {
        Store.AddSearch("big", budget: 300);
        for (var n = 1; n <= 300; n++) Store.AddTrial(1, 0.001 * n, "cosine", 1.0 / n);
        Renderer.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        var scatter = JSInterop.SetupModule(ScatterChart.ModulePath);
        var lines = JSInterop.SetupModule(LineChart.ModulePath);

        var cut = Render<SearchAnalysis>(p => p.Add(c => c.Search, Store.Searches[0].Summary));

        // The refresh a live change triggers (the page's, not the first render's, which bunit does not await here).
        await cut.InvokeAsync(() => cut.Instance.RefreshAsync(throttled: false));
        cut.Render();
        cut.WaitForAssertion(() => Assert.NotEmpty(scatter.Invocations["init"]), TimeSpan.FromSeconds(10));
        var spec = (ScatterChartSpec)scatter.Invocations["init"].Last().Arguments[1]!;
        Assert.Equal(300, spec.Series.Sum(s => s.Points.Count));
        var best = (LineChartSpec)lines.Invocations["init"].Last().Arguments[1]!;
        Assert.Equal(300, best.Series.Single().Points.Count); // every trial improved on the one before
        // Each refresh: one read of light points for every trial, one read of the top trials whole.
        Assert.NotEmpty(Store.PointReads);
        Assert.Equal(Store.PointReads.Count, Store.RowReads.Count);
        Assert.All(Store.RowReads, take => Assert.Equal(SearchAnalysis.ParallelLimit, take));
        Assert.Equal(0, Store.EpochReads);
    }

    [Fact]
    public void Render_CurvesNotDrawnYet_NothingReadUntilTheyAre()
    {
        Store.AddSearch("big", budget: 30);
        for (var n = 1; n <= 30; n++) Store.AddTrial(1, 0.001 * n, "cosine", 1.0 / n);
        Renderer.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        var scatter = JSInterop.SetupModule(ScatterChart.ModulePath);
        var curvesDrawn = new TaskCompletionSource();

        var cut = Render<SearchAnalysis>(p => p.Add(c => c.Search, Store.Searches[0].Summary).Add(c => c.After, curvesDrawn.Task));
        // The page re-renders meanwhile (the grid's rows arrive, a live tick): still nothing.
        cut.Render(p => p.Add(c => c.Search, Store.Searches[0].Summary with { Priority = 1 }));

        Assert.Empty(Store.PointReads);
        Assert.Empty(scatter.Invocations["init"]);

        curvesDrawn.SetResult();

        cut.WaitForAssertion(() => Assert.NotEmpty(scatter.Invocations["init"]), TimeSpan.FromSeconds(10));
        Assert.Single(Store.PointReads);
    }
}

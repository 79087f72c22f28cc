using Bunit;
using HyperSearch.Core.Searches;
using HyperSearch.Core.Trials;
using HyperSearch.Web.Components.Charts;
using HyperSearch.Web.Components.Pages;
using HyperSearch.Web.Components.Search;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace HyperSearch.Web.Tests.Components;

public class SearchPageTests : DashboardTestContext
{
    public SearchPageTests()
    {
        Store.AddSearch("sweep");
        Store.AddTrial(1, 0.1, "cosine", 0.30);
        Store.AddTrial(1, 0.01, "step", 0.10);
        Store.AddTrial(1, 1.0, "step", null, TrialState.Running, epochs: 2);
        Store.AddTrial(1, 0.5, "constant", 0.20, TrialState.Pruned);
        // The page prerenders its first rows statically and pages through ServerData once interactive.
        Renderer.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
    }

    private IRenderedComponent<SearchPage> RenderAt(string query = "")
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo("/searches/1" + query);
        return Render<SearchPage>(p => p.Add(c => c.SearchId, 1L));
    }

    private static List<string> TrialNumbers(IRenderedComponent<SearchPage> cut) =>
        [.. cut.FindAll("#trials-grid tbody tr a[href^='trials/']").Select(a => a.TextContent)];

    private static List<string> Ranks(IRenderedComponent<SearchPage> cut) =>
        [.. cut.FindAll("#trials-grid tbody tr .hs-rank").Select(a => a.TextContent)];

    [Fact]
    public void Render_CompletedTrials_ImportancePanelRanksTheParameterThatDecidesAndSaysHowManyTrials()
    {
        var id = Store.AddSearch("importance", spaceJson: """
            { "initialLr": { "low": 0.001, "high": 1 }, "decay": { "constant": {}, "cosine": { "tMax": 5 } } }
            """).Summary.Id;
        for (var i = 0; i < 12; i++)
        {
            var lr = Math.Pow(10, -3 + 3.0 * i / 11);
            Store.AddTrial(id, lr, i % 2 == 0 ? "constant" : "cosine", Math.Log10(lr) + 3);
        }
        Services.GetRequiredService<NavigationManager>().NavigateTo($"/searches/{id}");

        var cut = Render<SearchPage>(p => p.Add(c => c.SearchId, id));

        cut.WaitForAssertion(() =>
        {
            Assert.Equal("initialLr", cut.FindAll(".hs-importance-row")[0].GetAttribute("data-parameter"));
            Assert.Contains("Rests on 12 completed trials", cut.Find("#importance-basis").TextContent);
        }, TimeSpan.FromSeconds(10));
    }

    [Fact]
    public void Render_Default_RanksTrialsByValidationMetricNullsLast()
    {
        var cut = RenderAt();

        cut.WaitForAssertion(() => Assert.Equal(["2", "4", "1", "3"], TrialNumbers(cut)));
        cut.WaitForAssertion(() => Assert.Equal("4 trials match", cut.Find("#trial-total").TextContent));
        Assert.Equal(["1", "2", "3", "–"], Ranks(cut));
    }

    [Fact]
    public void Render_StateAndDecayFiltersInUrl_ShowsOnlyMatches()
    {
        var cut = RenderAt("?states=Completed,Running&decay=step");

        cut.WaitForAssertion(() => Assert.Equal(["2", "3"], TrialNumbers(cut)));
    }

    [Fact]
    public void Render_NoSelection_CurvesShowTopKWithTrainAndValPerTrial()
    {
        var module = JSInterop.SetupModule(LineChart.ModulePath);

        RenderAt("?k=2");

        var loss = (LineChartSpec)module.Invocations["init"].First().Arguments[1]!;
        Assert.Equal(["t2-val", "t2-train", "t4-val", "t4-train"], loss.Series.Select(s => s.Id));
        Assert.True(loss.Series[1].Dashed);
    }

    [Fact]
    public void Render_CurveCharts_XAxisTicksOnlyOnWholeEpochs()
    {
        var module = JSInterop.SetupModule(LineChart.ModulePath);

        var cut = RenderAt();

        cut.WaitForAssertion(() => Assert.Equal(3, module.Invocations["init"].Count), TimeSpan.FromSeconds(10));
        var specs = module.Invocations["init"].Select(i => (LineChartSpec)i.Arguments[1]!).ToList();
        Assert.Contains(specs, s => s.XName == "epoch");
        Assert.Contains(specs, s => s.XName == "trial number"); // best-so-far
        Assert.All(specs, s => Assert.True(s.WholeX, $"{s.XName} axis"));
    }

    [Fact]
    public void Render_SelectionInUrl_CurvesShowSelectedAndCompareEnabled()
    {
        var module = JSInterop.SetupModule(LineChart.ModulePath);

        var cut = RenderAt("?sel=1,3&log=true");

        var loss = (LineChartSpec)module.Invocations["init"].First().Arguments[1]!;
        Assert.Equal(["t1-val", "t1-train", "t3-val", "t3-train"], loss.Series.Select(s => s.Id));
        Assert.True(loss.LogY);
        Assert.False(cut.Find("#compare-selected").HasAttribute("disabled"));
    }

    [Fact]
    public async Task LiveEpochs_OfShownRunningTrial_AppendedToChartsWithoutRedraw()
    {
        var module = JSInterop.SetupModule(LineChart.ModulePath);
        var cut = RenderAt("?sel=3");
        var epoch = new EpochPoint(999, 3, 3, 0.4, 0.6, 0.7, 0.5, 3, 1);

        await cut.InvokeAsync(() => Feed.PushAsync(new ChangeSet([epoch], [], [], new ChangeCursor(999, 0), false)));

        var append = module.Invocations["append"].First();
        var additions = (IReadOnlyList<ChartSeries>)append.Arguments[1]!;
        Assert.Equal(["t3-val", "t3-train"], additions.Select(a => a.Id));
        Assert.Equal(0.6, additions[0].Points[0][1]);
        Assert.Empty(module.Invocations["update"]);
    }

    [Fact]
    public void Toggle_RowCheckbox_PutsSelectionInUrl()
    {
        var cut = RenderAt();
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll(".hs-select")), TimeSpan.FromSeconds(10));

        var navigation = Services.GetRequiredService<NavigationManager>();

        // The grid may still be re-rendering its first page (an event on a replaced element is
        // lost), so the click is repeated until it lands; it can only land once.
        cut.WaitForAssertion(() =>
        {
            if (!navigation.Uri.Contains("sel=")) cut.Find(".hs-select input[data-trial='4']").Change(true);
            Assert.EndsWith("/searches/1?sel=4", navigation.Uri);
        });
    }

    [Fact]
    public void Render_MalformedQueryValues_FallsBackToDefaults()
    {
        var module = JSInterop.SetupModule(LineChart.ModulePath);

        var cut = RenderAt("?k=abc&log=maybe&sel=x,2&states=Finished");

        var loss = (LineChartSpec)module.Invocations["init"].First().Arguments[1]!;
        Assert.Equal(["t2-val", "t2-train"], loss.Series.Select(s => s.Id)); // the one valid selected id
        Assert.False(loss.LogY);
        cut.WaitForAssertion(() => Assert.Equal(["2", "4", "1", "3"], TrialNumbers(cut))); // unknown state ignored
    }

    [Fact]
    public void Render_SortedByLrInUrl_RowsFollowTheSortAndKeepTheirRanks()
    {
        var cut = RenderAt("?sort=lr&desc=true");

        // LR 1.0 (#3), 0.5 (#4), 0.1 (#1), 0.01 (#2): ranks are the trials' places by value, whatever the order.
        cut.WaitForAssertion(() => Assert.Equal(["3", "4", "1", "2"], TrialNumbers(cut)));
        Assert.Equal(["–", "2", "3", "1"], Ranks(cut));
    }

    [Fact]
    public void ClickBest_AfterSortedByDecayFromUrl_RowsFollowTheRankingAndTheUrlDropsTheSort()
    {
        var cut = RenderAt("?sort=decayType");
        // Decay order: constant (#4), cosine (#1), step (#2, #3).
        cut.WaitForAssertion(() => Assert.Equal(["4", "1", "2", "3"], TrialNumbers(cut)), TimeSpan.FromSeconds(10));

        // The grid may still be re-rendering (an event on a replaced element is lost): click until it lands.
        var navigation = Services.GetRequiredService<NavigationManager>();
        cut.WaitForAssertion(() =>
        {
            if (navigation.Uri.Contains("sort=decayType"))
                cut.FindAll("#trials-grid thead .sortable-column-header").Single(h => h.TextContent == "Best").Click();
            Assert.DoesNotContain("sort=", navigation.Uri);
        });

        cut.WaitForAssertion(() => Assert.Equal(["2", "4", "1", "3"], TrialNumbers(cut)));
        Assert.Equal(["1", "2", "3", "–"], Ranks(cut));
    }

    [Fact]
    public void Navigate_FromALinkSortedByDecayToTheRanking_RowsFollowTheNewUrl()
    {
        var cut = RenderAt("?sort=decayType");
        cut.WaitForAssertion(() => Assert.Equal(["4", "1", "2", "3"], TrialNumbers(cut)), TimeSpan.FromSeconds(10));

        // A link to the same page with another sort (a teammate's, the Best sort's own URL): the
        // grid's earlier sort must not outlive the URL it came from.
        cut.InvokeAsync(() => Services.GetRequiredService<NavigationManager>().NavigateTo("/searches/1"));

        cut.WaitForAssertion(() => Assert.Equal(["2", "4", "1", "3"], TrialNumbers(cut)), TimeSpan.FromSeconds(10));
        Assert.Equal(["1", "2", "3", "–"], Ranks(cut));
    }

    [Theory]
    [InlineData("?sort=decay")]      // the page's names before they became the API's
    [InlineData("?sort=decayType")]
    [InlineData("?sort=DECAYTYPE")]
    public void Render_SortNameOfTheApiOrTheOldPageName_SortsByDecay(string query)
    {
        var cut = RenderAt(query);

        cut.WaitForAssertion(() => Assert.Equal(["4", "1", "2", "3"], TrialNumbers(cut)), TimeSpan.FromSeconds(10));
    }

    [Fact]
    public void ClickHeader_Lr_UrlUsesTheApiSortName()
    {
        var cut = RenderAt();
        cut.WaitForAssertion(() => Assert.Equal(["2", "4", "1", "3"], TrialNumbers(cut)), TimeSpan.FromSeconds(10));
        var navigation = Services.GetRequiredService<NavigationManager>();

        cut.WaitForAssertion(() =>
        {
            if (!navigation.Uri.Contains("sort="))
                cut.FindAll("#trials-grid thead .sortable-column-header").Single(h => h.TextContent == "Initial LR").Click();
            Assert.EndsWith("/searches/1?sort=initialLr", navigation.Uri);
        });
    }

    [Fact]
    public void Render_Filters_ReachTheAnalysisChartsAndTheExportLinks()
    {
        var scatter = JSInterop.SetupModule(ScatterChart.ModulePath);

        var cut = RenderAt("?decay=step");

        cut.WaitForAssertion(() => Assert.NotEmpty(scatter.Invocations["init"]), TimeSpan.FromSeconds(10));
        var spec = (ScatterChartSpec)scatter.Invocations["init"].Last().Arguments[1]!;
        Assert.Equal(["Step"], spec.Series.Select(s => s.Name)); // only the filtered decay type, by its name
        Assert.Single(spec.Series[0].Points); // trial #2 (the running #3 has no value yet)
        Assert.Equal("downloads/searches/1/export?format=csv&decay=step", cut.Find("a#export-csv").GetAttribute("href"));
    }

    [Fact]
    public void Render_ParallelCoordinates_NamedDecayAxisDecayParametersAndNoEpochsAxis()
    {
        Store.AddTrial(1, 0.02, "step", 0.15);
        Store.Trials[^1] = Store.Trials[^1] with { Config = Store.Trials[^1].Config with { Decay = new HyperSearch.Core.Configuration.StepDecay { StepSize = 4, Gamma = 0.9 } } };
        var parallel = JSInterop.SetupModule(ParallelChart.ModulePath);

        var cut = RenderAt();

        cut.WaitForAssertion(() => Assert.NotEmpty(parallel.Invocations["init"]), TimeSpan.FromSeconds(10));
        var spec = (ParallelChartSpec)parallel.Invocations["init"].Last().Arguments[1]!;
        var names = spec.Axes.Select(a => a.Name).ToList();
        Assert.Contains("Step: stepSize", names);
        Assert.Contains("Step: gamma", names);
        Assert.DoesNotContain(names, n => n.Contains("epochs"));
        Assert.Equal(["Constant", "Cosine annealing", "Step"], spec.Axes.Single(a => a.Name == "decay").Categories);
        Assert.Equal("validation loss", names[^1]);
    }

    [Fact]
    public void Prerender_StaticHtml_AlreadyHoldsTheFirstRankedPage()
    {
        Renderer.SetRendererInfo(new RendererInfo("Static", isInteractive: false));

        var cut = RenderAt();

        // No waiting: the rows are in the first (prerendered) markup, before any circuit exists.
        Assert.Equal(["2", "4", "1", "3"], TrialNumbers(cut));
        Assert.Equal(["1", "2", "3", "–"], Ranks(cut));
    }

    [Fact]
    public void Render_Trials_ShowTheirLastValidationAccuracy()
    {
        Store.Epochs.Add(new EpochPoint(500, 2, 6, 0.1, 0.2, 0.9125, 0.01, 6, 1)); // trial #2's last epoch

        var cut = RenderAt();

        cut.WaitForAssertion(() => Assert.Equal("0.9125", cut.FindAll("#trials-grid tbody tr .hs-val-accuracy")[0].TextContent));
    }

    [Fact]
    public void Render_Search_ShowsItsSeed()
    {
        Store.Searches[0] = Store.Searches[0] with { Spec = Store.Searches[0].Spec with { Seed = 1234567 } };

        var cut = RenderAt();

        Assert.Equal("seed 1234567", cut.Find("#search-seed").TextContent);
    }

    [Fact]
    public void Render_RegressionWorkload_ColumnAndObjectiveSayRSquared()
    {
        Store.Searches[0] = Store.Searches[0] with
        {
            Summary = Store.Searches[0].Summary with { Workload = "synthetic-regression", Objective = ObjectiveMetric.ValAccuracy },
        };

        var cut = RenderAt();

        cut.WaitForAssertion(() => Assert.Contains(cut.FindAll("#trials-grid thead th"), th => th.TextContent.Trim() == "Val R²"));
        Assert.DoesNotContain(cut.FindAll("#trials-grid thead th"), th => th.TextContent.Trim() == "Val acc");
        Assert.Contains("best validation R²", cut.Find("#search-progress").TextContent);
    }
}

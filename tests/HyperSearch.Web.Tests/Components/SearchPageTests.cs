using Bunit;
using HyperSearch.Core.Searches;
using HyperSearch.Core.Trials;
using HyperSearch.Web.Components.Charts;
using HyperSearch.Web.Components.Pages;
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
    }

    private IRenderedComponent<SearchPage> RenderAt(string query = "")
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo("/searches/1" + query);
        return Render<SearchPage>(p => p.Add(c => c.SearchId, 1L));
    }

    private static List<string> TrialNumbers(IRenderedComponent<SearchPage> cut) =>
        [.. cut.FindAll("#trials-grid tbody tr a[href^='trials/']").Select(a => a.TextContent)];

    [Fact]
    public void Render_Default_RanksTrialsByValidationMetricNullsLast()
    {
        var cut = RenderAt();

        cut.WaitForAssertion(() => Assert.Equal(["2", "4", "1", "3"], TrialNumbers(cut)));
        Assert.Equal("4 trials match", cut.Find("#trial-total").TextContent);
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
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll(".hs-select")));

        var navigation = Services.GetRequiredService<NavigationManager>();

        // The grid may still be re-rendering its first page (an event on a replaced element is
        // lost), so the click is repeated until it lands; it can only land once.
        cut.WaitForAssertion(() =>
        {
            if (!navigation.Uri.Contains("sel=")) cut.Find(".hs-select[data-trial='4'] input").Change(true);
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
}

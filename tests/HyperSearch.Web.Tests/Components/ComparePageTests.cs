using Bunit;
using HyperSearch.Web.Components.Charts;
using HyperSearch.Web.Components.Pages;
using HyperSearch.Web.Components.Search;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace HyperSearch.Web.Tests.Components;

public class ComparePageTests : DashboardTestContext
{
    public ComparePageTests()
    {
        Store.AddSearch("grid");
        Store.AddSearch("tpe");
        Store.AddTrial(1, 0.1, "step", 0.3);
        Store.AddTrial(2, 0.1, "step", 0.2);
        Store.AddTrial(2, 0.05, "cosine", 0.1);
        UseInteractiveRenderer();
    }

    private IRenderedComponent<Compare> RenderAt(string query)
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo("/compare" + query);
        return Render<Compare>();
    }

    [Fact]
    public void Render_TrialsFromTwoSearches_HighlightsOnlyDifferingConfigRows()
    {
        var cut = RenderAt("?trials=1,2");

        Assert.DoesNotContain("hs-differs", cut.Find("[data-key='initialLr']").ClassName ?? "");
        Assert.DoesNotContain("hs-differs", cut.Find("[data-key='decay.gamma']").ClassName ?? "");
        Assert.Contains("hs-differs", cut.Find("[data-key='search']").ClassName);
        Assert.Contains("hs-differs", cut.Find("[data-key='best value']").ClassName);
    }

    [Fact]
    public void Render_DifferentDecayTypes_ShowsMissingParamsAsDash()
    {
        var cut = RenderAt("?trials=2,3");

        var cells = cut.FindAll("[data-key='decay.tMax'] td").Select(c => c.TextContent).ToList();
        Assert.Equal(["–", "5"], cells);
    }

    [Fact]
    public void Render_Trials_OneColourPerTrialOnBothCharts()
    {
        var module = JSInterop.SetupModule(LineChart.ModulePath);

        RenderAt("?trials=1,3");

        var specs = module.Invocations["init"].Select(i => (LineChartSpec)i.Arguments[1]!).ToList();
        var loss = specs.First(s => s.YName == "loss");
        Assert.Equal(loss.Series[0].Color, loss.Series[1].Color); // val + train of trial 1
        Assert.NotEqual(loss.Series[0].Color, loss.Series[2].Color);
        var lr = specs.First(s => s.YName == "learning rate");
        Assert.Equal([loss.Series[0].Color, loss.Series[2].Color], lr.Series.Select(s => s.Color));
    }

    [Fact]
    public void Render_Searches_DrawsBestSoFarPerSearch()
    {
        var module = JSInterop.SetupModule(LineChart.ModulePath);

        RenderAt("?searches=1,2");

        var best = module.Invocations["init"].Select(i => (LineChartSpec)i.Arguments[1]!).Single(s => s.XName == "trial number");
        Assert.Equal(["s1", "s2"], best.Series.Select(s => s.Id));
        // search 2: trial 1 scores 0.2, trial 2 improves to 0.1
        Assert.Equal([[1, 0.2], [2, 0.1]], best.Series[1].Points.Select(p => p.Select(v => v!.Value).ToArray()).ToArray());
    }

    [Fact]
    public void Render_UnknownIdsInUrl_NamesWhatWasLeftOut()
    {
        var cut = RenderAt("?trials=1,999&searches=77");

        Assert.Equal("no trial with id 999; no search with id 77 — left out.", cut.Find("#compare-missing").TextContent);
        Assert.Single(cut.FindAll("#config-diff thead th a"));
    }

    [Fact]
    public async Task FindTrialNumber_NumberShownInTheUi_ResolvesToThatSearchsTrial()
    {
        Store.AddTrial(2, 0.3, "step", 0.4); // trial #3 of search 2, id 4

        Assert.Equal(4, (await TrialNumbers.FindAsync(Store, 2, 3))!.Id);
        Assert.Equal(1, (await TrialNumbers.FindAsync(Store, 1, 1))!.Id);
        Assert.Null(await TrialNumbers.FindAsync(Store, 1, 2)); // search 1 has one trial
        Assert.Null(await TrialNumbers.FindAsync(Store, 9, 1)); // no such search
    }

    [Fact]
    public void Render_StoredDiagnosis_ReadsAsTheBadgesPhraseNotTheRawLabel()
    {
        Store.Trials[0] = Store.Trials[0] with { Diagnosis = "tooHigh: loss rises early" };

        var cut = RenderAt("?trials=1,2");

        var cells = cut.FindAll("[data-key='diagnosis'] td").Select(td => td.TextContent.Trim()).ToList();
        Assert.Equal(["LR too high", "–"], cells);
        Assert.DoesNotContain("tooHigh", cut.Find("#config-diff").TextContent);
    }

    [Fact]
    public void Render_TrialsAndSearchesWithLogScale_LinkHoldsExactlyThatViewAndOpensIt()
    {
        var cut = RenderAt("?log=true&searches=2&trials=2,1&sel=9");

        var link = cut.Find("#compare-link input").GetAttribute("value");

        Assert.Equal("http://localhost/compare?trials=2,1&searches=2&log=true", link);
        // The link itself renders the same trials, searches and scale.
        var same = RenderAt(link!["http://localhost/compare".Length..]);
        Assert.Equal(cut.FindAll("#config-diff thead a").Select(a => a.TextContent), same.FindAll("#config-diff thead a").Select(a => a.TextContent));
        Assert.Equal(link, same.Find("#compare-link input").GetAttribute("value"));
    }

    [Fact]
    public void Render_TwoTrialsOfOneSearch_ReadsThatSearchOnce()
    {
        // Trials 2 and 3 belong to search 2: its read-isolation check (a search read, which counts the
        // search's trials on the real store) is made once, not once per trial.
        Store.SearchReads.Clear();

        var cut = RenderAt("?trials=2,3");

        Assert.Equal(2, cut.FindAll("#config-diff thead a").Count);
        Assert.Single(Store.SearchReads, 2L);
    }
}

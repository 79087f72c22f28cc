using Bunit;
using HyperSearch.Core.Sampling;
using HyperSearch.Web.Components.Charts;
using HyperSearch.Web.Components.Pages;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace HyperSearch.Web.Tests.Components;

public class NewSearchTests : DashboardTestContext
{
    private static string[] Messages(IRenderedComponent<NewSearch> cut, string path) =>
        [.. cut.FindAll($".hs-field-error[data-path='{path}']").Select(e => e.TextContent)];

    [Fact]
    public void Launch_EmptyNameAndZeroBudget_ShowsCoreMessagesAndCreatesNothing()
    {
        var cut = Render<NewSearch>();
        cut.Find("#budget input").Change("0");

        cut.Find("#launch").Click();

        Assert.Equal(["must not be empty"], Messages(cut, "name"));
        Assert.Equal(["must be ≥ 1"], Messages(cut, "budget"));
        Assert.NotNull(cut.Find("#form-errors"));
        Assert.Empty(Store.Created);
    }

    [Fact]
    public void Edit_ParallelismAboveBudget_ShowsMessageBeforeSubmit()
    {
        var cut = Render<NewSearch>();

        cut.Find("#parallelism input").Change("50");

        Assert.Equal(["must be ≤ budget (20)"], Messages(cut, "parallelism"));
    }

    [Fact]
    public void Launch_ValidForm_CreatesSpecAndOpensTheSearch()
    {
        var cut = Render<NewSearch>();
        cut.Find("#name").Change("lr sweep");

        cut.Find("#launch").Click();

        var spec = Assert.Single(Store.Created);
        Assert.Equal("lr sweep", spec.Name);
        Assert.Equal(SearchStrategy.Tpe, spec.Strategy);
        Assert.Contains("\"cosine\"", spec.SpaceJson);
        Assert.EndsWith("/searches/101", Services.GetRequiredService<NavigationManager>().Uri);
    }

    [Fact]
    public void Render_GridStrategyFromClone_ShowsResultingTrialCount()
    {
        var source = Store.AddSearch("grid me");
        Store.Searches[0] = source with
        {
            Spec = source.Spec with
            {
                Strategy = SearchStrategy.Grid,
                GridPoints = 4,
                Budget = 100,
                SpaceJson = """{ "initialLr": { "type": "float", "low": 0.001, "high": 0.1, "log": true }, "decay": { "step": { "stepSize": { "type": "int", "low": 1, "high": 2 }, "gamma": { "type": "categorical", "choices": [0.1, 0.5, 0.9] } }, "constant": {} } }""",
            },
        };
        Services.GetRequiredService<NavigationManager>().NavigateTo("/searches/new?clone=1");

        var cut = Render<NewSearch>();

        // 4 LR points × (step: 2 × 3 + constant: 1) = 28 grid points, under the budget of 100.
        Assert.Equal("grid of 28 points → 28 trials", cut.Find("#trial-count").TextContent);
        Assert.Equal("grid me (copy)", cut.Find("#name").GetAttribute("value"));
    }

    [Fact]
    public void Render_DefaultTypes_PreviewDrawsSampleScheduleCurves()
    {
        var module = JSInterop.SetupModule(LineChart.ModulePath);

        Render<NewSearch>();

        var preview = (LineChartSpec)module.Invocations["init"].First().Arguments[1]!;
        // step varies stepSize low/mid/high; cosine has only fixed parameters by default.
        Assert.Equal(["step stepSize=1", "step stepSize=3", "step stepSize=5", "cosine"], preview.Series.Select(s => s.Name));
        var cosine = preview.Series[3].Points;
        Assert.Equal(10, cosine.Count);
        Assert.True(cosine[9][1] < cosine[0][1], "cosine must decay");
    }

    [Fact]
    public void Edit_Epochs_UneditedEpochDefaultsFollowEditedStay()
    {
        var cut = Render<NewSearch>();
        cut.Find("[data-decay='step'] [data-param='stepSize'] .hs-high input").Change("7");

        cut.Find("#epochs input").Change("40");

        Assert.Contains("\"tMax\": {\n          \"type\": \"fixed\",\n          \"value\": 40", cut.Find("#spec-json").TextContent.Replace("\r", ""));
        Assert.Equal("7", cut.Find("[data-decay='step'] [data-param='stepSize'] .hs-high input").GetAttribute("value"));
    }
}

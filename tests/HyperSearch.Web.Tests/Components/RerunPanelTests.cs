using Bunit;
using HyperSearch.Core.Configuration;
using HyperSearch.Core.Searches;
using HyperSearch.Web.Components.Charts;
using HyperSearch.Web.Components.Pages;
using HyperSearch.Web.Launch;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace HyperSearch.Web.Tests.Components;

/// <summary>"Re-run with changes" on the Trial page: the form, its field errors, its preview, and the trial it adds to the same search.</summary>
public class RerunPanelTests : DashboardTestContext
{
    public RerunPanelTests()
    {
        Store.AddSearch("sweep", epochs: 8);
        Store.AddTrial(1, 0.1, "step", 0.3); // step: stepSize 2, gamma 0.5
        UseInteractiveRenderer();
    }

    private IRenderedComponent<TrialPage> Open()
    {
        var cut = Render<TrialPage>(p => p.Add(c => c.TrialId, 1L));
        cut.Find("#rerun").Click();
        return cut;
    }

    private static string[] ErrorsUnder(IRenderedComponent<TrialPage> cut, string field) =>
        [.. cut.FindAll($"#rerun-form [data-field='{field}'] .mud-input-helper-text.mud-input-error").Select(e => e.TextContent.Trim()).Where(t => t.Length > 0)];

    private static void Set(IRenderedComponent<TrialPage> cut, string field, string value) =>
        cut.Find($"#rerun-form [data-field='{field}'] input").Change(value);

    [Fact]
    public void Open_PrefilledWithTheTrialsConfig_PreviewDrawsBothSchedules()
    {
        var module = JSInterop.SetupModule(LineChart.ModulePath);

        var cut = Open();

        Assert.Equal("0.1", cut.Find("#rerun-form [data-field='initialLr'] input").GetAttribute("value"));
        Assert.Equal("2", cut.Find("#rerun-form [data-field='decay.stepSize'] input").GetAttribute("value"));
        Assert.Equal("0.5", cut.Find("#rerun-form [data-field='decay.gamma'] input").GetAttribute("value"));
        var preview = module.Invocations["init"].Select(i => (LineChartSpec)i.Arguments[1]!).Single(s => s.Series.Any(x => x.Id == "rerun"));
        Assert.Equal(["rerun", "original"], preview.Series.Select(s => s.Id));
        Assert.Equal(8, preview.Series[0].Points.Count);
        Assert.Equal(0.1, preview.Series[0].Points[0][1]!.Value, 9);
        Assert.Equal(0.05, preview.Series[0].Points[2][1]!.Value, 9); // halved after stepSize 2
        Assert.False(cut.Find("#rerun-submit").HasAttribute("disabled"));
    }

    [Fact]
    public void Typing_InABox_PreviewAndMessagesWaitForTheChange()
    {
        var module = JSInterop.SetupModule(LineChart.ModulePath);
        var cut = Open();
        var boxes = cut.FindAll("#rerun-form [data-field] input");

        // Keystrokes never reach the server ("0" of "0.03" would flash an error, "0.0" a flat line):
        // each box sends its text when it changes (Enter or leaving it), then form and preview follow.
        Assert.NotEmpty(boxes);
        Assert.All(boxes, box =>
        {
            Assert.False(box.HasAttribute("blazor:oninput"), box.OuterHtml);
            Assert.True(box.HasAttribute("blazor:onchange"), box.OuterHtml);
        });

        Set(cut, "initialLr", "0.03");

        cut.WaitForAssertion(() => Assert.NotEmpty(module.Invocations["update"]), TimeSpan.FromSeconds(10));
        var preview = (LineChartSpec)module.Invocations["update"].Single().Arguments[1]!;
        Assert.Equal(0.03, preview.Series.Single(s => s.Id == "rerun").Points[0][1]!.Value, 9);
    }

    [Fact]
    public void Edit_BadValues_CoreMessagesUnderTheirOwnBoxesAndNothingAdded()
    {
        var cut = Open();

        Set(cut, "initialLr", "0");
        Set(cut, "decay.gamma", "2");
        Set(cut, "decay.stepSize", "two");

        Assert.Equal(["must be a finite number > 0; got 0"], ErrorsUnder(cut, "initialLr"));
        Assert.Equal(["must be a whole number; got 'two'"], ErrorsUnder(cut, "decay.stepSize"));
        Assert.True(cut.Find("#rerun-submit").HasAttribute("disabled"));
        Set(cut, "decay.stepSize", "3");
        Assert.Equal(["must be ≤ 1; got 2"], ErrorsUnder(cut, "decay.gamma"));
        Assert.Empty(ErrorsUnder(cut, "decay.stepSize"));
        Assert.Empty(Store.AddedConfigs);
    }

    [Fact]
    public void Submit_ChangedLrAndWarmup_AddsATrialToTheSameSearchAndOpensIt()
    {
        var cut = Open();
        Set(cut, "initialLr", "0.03");
        cut.Find("#rerun-warmup input").Change(true);
        Set(cut, "warmup.steps", "2");

        cut.Find("#rerun-submit").Click();

        var (searchId, config) = Assert.Single(Store.AddedConfigs);
        Assert.Equal(1, searchId);
        Assert.Equal(0.03, config.InitialLr);
        Assert.Equal(new StepDecay { StepSize = 2, Gamma = 0.5 }, config.Decay);
        Assert.Equal(2, config.Warmup!.Steps);
        var added = Store.Trials[^1];
        Assert.Equal((1L, 2, Core.Trials.TrialState.Queued), (added.SearchId, added.Number, added.State));
        Assert.EndsWith($"/trials/{added.Id}", Services.GetRequiredService<NavigationManager>().Uri);
    }

    [Fact]
    public void Submit_OtherDecayType_StartsFromItsTypicalParameters()
    {
        var cut = Open();

        var decayType = cut.FindComponents<MudSelect<string>>().First(); // the first select of the form
        cut.InvokeAsync(() => decayType.Instance.ValueChanged.InvokeAsync(DecayTypes.Cosine));
        Assert.Equal("8", cut.Find("#rerun-form [data-field='decay.tMax'] input").GetAttribute("value")); // the search's 8 epochs
        cut.Find("#rerun-submit").Click();

        Assert.Equal(new CosineDecay { TMax = 8, EtaMin = 0 }, Assert.Single(Store.AddedConfigs).Config.Decay);
    }

    [Fact]
    public void Open_CancelledSearch_SaysWhyAndCannotSubmit()
    {
        Store.Searches[0] = Store.Searches[0] with { Summary = Store.Searches[0].Summary with { State = SearchState.Cancelled } };

        var cut = Open();

        Assert.Contains("cancelled: nothing more runs in it", cut.Find("#rerun-refused").TextContent);
        Assert.True(cut.Find("#rerun-submit").HasAttribute("disabled"));
    }

    [Fact]
    public void Edit_AbsurdInitialLr_WarnsLikeTheLaunchForm()
    {
        var cut = Open();
        Assert.Empty(cut.FindAll("#rerun-form [data-warning]"));

        Set(cut, "initialLr", "1e9");

        // Accepted without a word before; the launch form warns about the same LR (one rule: LaunchWarnings.InitialLr).
        var warning = cut.Find("#rerun-form [data-warning='initialLr']").TextContent;
        Assert.Equal(LaunchWarnings.InitialLr(1e9), warning);
        Assert.Contains("diverges", warning);
        Set(cut, "initialLr", "0.05");
        Assert.Empty(cut.FindAll("#rerun-form [data-warning]"));
    }
}

using Bunit;
using HyperSearch.Core.Searches;
using HyperSearch.Core.Training;
using HyperSearch.Core.Trials;
using HyperSearch.Web.Components.Charts;
using HyperSearch.Web.Components.Pages;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace HyperSearch.Web.Tests.Components;

public class TrialPageTests : DashboardTestContext
{
    public TrialPageTests()
    {
        Store.AddSearch("sweep");
        Store.AddTrial(1, 0.1, "step", 0.3);
        Store.Trials[0] = Store.Trials[0] with { Diagnosis = "tooHigh: the loss rose early: try a lower LR" };
        Store.AddTrial(1, 0.2, "cosine", null, TrialState.Running, epochs: 2);
        UseInteractiveRenderer();
    }

    [Fact]
    public void Render_StoredDiagnosis_ShowsLabelAndHint()
    {
        var cut = Render<TrialPage>(p => p.Add(c => c.TrialId, 1L));

        Assert.EndsWith("LR too high: the loss rose early: try a lower LR", cut.Find("#diagnosis").TextContent.Trim()); // after the alert icon
        Assert.Contains("\"type\": \"step\"", cut.Find("#config-json").TextContent);
    }

    [Fact]
    public void Render_CheckpointKept_OffersItsDownloadOnlyThen()
    {
        Assert.Empty(Render<TrialPage>(p => p.Add(c => c.TrialId, 1L)).FindAll("#checkpoint"));

        Checkpoints.Write(ICheckpointStore.KeyOf(1), [1, 2, 3]);

        Assert.Equal("downloads/trials/1/checkpoint", Render<TrialPage>(p => p.Add(c => c.TrialId, 1L)).Find("#checkpoint").GetAttribute("href"));
    }

    [Fact]
    public void Render_Epochs_ShowsTheLastValidationAccuracy()
    {
        Store.Epochs.Add(new EpochPoint(900, 1, 6, 0.2, 0.3, 0.875, 0.01, 6, 1));

        var cut = Render<TrialPage>(p => p.Add(c => c.TrialId, 1L));

        Assert.Equal("0.875", cut.Find("#val-accuracy").TextContent);
    }

    [Fact]
    public async Task LiveEpoch_RunningTrial_AppendedToItsCurves()
    {
        var module = JSInterop.SetupModule(LineChart.ModulePath);
        var cut = Render<TrialPage>(p => p.Add(c => c.TrialId, 2L));

        await cut.InvokeAsync(() => Feed.PushAsync(new ChangeSet([new EpochPoint(500, 2, 3, 0.5, 0.6, 0.7, 0.05, 3, 1)], [], [], ChangeCursor.Start, false)));

        var additions = (IReadOnlyList<ChartSeries>)module.Invocations["append"].First().Arguments[1]!;
        Assert.Equal(["t2-val", "t2-train"], additions.Select(a => a.Id));
    }

    [Fact]
    public void Render_RegressionWorkload_TheSecondMetricIsCalledRSquaredNotAccuracy()
    {
        Store.Searches[0] = Store.Searches[0] with { Summary = Store.Searches[0].Summary with { Workload = "synthetic-regression" } };
        Store.Epochs.Add(new EpochPoint(1, 1, 1, 0.2, 0.1, 0.93, 0.1, 1, 1));

        var cut = Render<TrialPage>(p => p.Add(c => c.TrialId, 1L));

        Assert.Contains("Validation R² (last epoch)", cut.Find("#timeline").TextContent);
        Assert.DoesNotContain("accuracy", cut.Find("#timeline").TextContent);
    }
}

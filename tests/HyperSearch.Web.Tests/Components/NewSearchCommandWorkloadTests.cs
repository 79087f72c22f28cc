using Bunit;
using HyperSearch.Core.Training;
using HyperSearch.Web.Components.Pages;
using HyperSearch.Web.Launch;
using Microsoft.Extensions.DependencyInjection;

namespace HyperSearch.Web.Tests.Components;

/// <summary>The launch form with a command workload (a team's own program): offered, and without the LR range test, which only a C# workload can run.</summary>
public class NewSearchCommandWorkloadTests : DashboardTestContext
{
    public NewSearchCommandWorkloadTests()
    {
        Services.AddSingleton<IWorkloadCatalog>(new StaticWorkloadCatalog([new WorkloadInfo("pytorch-simple", "Optuna's example", WorkloadKind.Command, "/usr/bin/python3 pytorch_simple.py")]));
        Services.AddSingleton<ILrRangeFinder>(new NoRangeFinder());
        UseInteractiveRenderer();
    }

    [Fact]
    public void Render_CommandWorkloadChosen_NoLrRangeTestButton()
    {
        var cut = Render<NewSearch>();

        Assert.Contains("\"workload\": \"pytorch-simple\"", cut.Find("#spec-json").TextContent);
        Assert.Empty(cut.FindAll("#lr-range-test"));
    }

    private sealed class NoRangeFinder : ILrRangeFinder
    {
        public Task<LrRangeSuggestion> RunAsync(string workload, CancellationToken cancellationToken = default) => throw new InvalidOperationException("not for a command workload");
    }
}

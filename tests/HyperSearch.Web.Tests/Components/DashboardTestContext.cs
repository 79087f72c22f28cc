using Bunit;
using HyperSearch.Core.Searches;
using HyperSearch.Core.Training;
using HyperSearch.Training.Checkpoints;
using HyperSearch.Web.Launch;
using HyperSearch.Web.Live;
using HyperSearch.Web.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;
using Radzen;

namespace HyperSearch.Web.Tests.Components;

/// <summary>A bunit context with the dashboard's services over the in-memory store; JS calls are recorded loosely.</summary>
public abstract class DashboardTestContext : BunitContext
{
    protected FakeTrialStore Store { get; } = new();
    protected ManualLiveFeed Feed { get; } = new();
    protected CheckpointStore Checkpoints { get; } = new(new CheckpointOptions { Directory = Path.Combine(Path.GetTempPath(), "hs-web-ckpt-" + Guid.NewGuid().ToString("N")) });

    protected DashboardTestContext()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddRadzenComponents();
        Services.AddSingleton<ITrialStore>(Store);
        Services.AddSingleton<ILiveFeed>(Feed);
        Services.AddSingleton(TimeProvider.System);
        Services.AddSingleton<IWorkloadCatalog>(new StaticWorkloadCatalog());
        Services.AddSingleton<ICheckpointStore>(Checkpoints);
    }
}

using Bunit;
using HyperSearch.Core.Searches;
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
    protected ManualLiveFeed Feed { get; }

    protected DashboardTestContext()
    {
        Feed = new ManualLiveFeed(Store);
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddRadzenComponents();
        Services.AddSingleton<ITrialStore>(Store);
        Services.AddSingleton<ILiveFeed>(Feed);
        Services.AddScoped<CircuitLiveUpdates>();
        Services.AddOptions<LiveFeedOptions>();
        Services.AddSingleton(TimeProvider.System);
        Services.AddSingleton<IWorkloadCatalog>(new StaticWorkloadCatalog());
    }
}

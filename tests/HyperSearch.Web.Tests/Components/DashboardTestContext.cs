using Bunit;
using HyperSearch.Core.Searches;
using HyperSearch.Core.Training;
using HyperSearch.Training.Checkpoints;
using HyperSearch.Web.Accounts;
using HyperSearch.Web.Launch;
using HyperSearch.Web.Live;
using HyperSearch.Web.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;
using HyperSearch.Web.Components.Shared;
using MudBlazor.Services;

namespace HyperSearch.Web.Tests.Components;

/// <summary>A bunit context with the dashboard's services over the in-memory store; JS calls are recorded loosely.</summary>
public abstract class DashboardTestContext : BunitContext, IAsyncLifetime
{
    // MudBlazor's services only dispose asynchronously: xunit must dispose the context that way.
    public Task InitializeAsync() => Task.CompletedTask;

    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();

    protected FakeTrialStore Store { get; } = new();
    protected ManualLiveFeed Feed { get; }
    protected FixedActor Actor { get; } = new();
    protected ListAuditTrail Audit { get; } = new();
    protected HyperSearch.Worker.Slurm.SlurmJobBoard SlurmJobs { get; } = new();
    protected CheckpointStore Checkpoints { get; } = new(new CheckpointOptions { Directory = Path.Combine(Path.GetTempPath(), "hs-web-ckpt-" + Guid.NewGuid().ToString("N")) });

    protected DashboardTestContext()
    {
        Feed = new ManualLiveFeed(Store);
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddScoped<ThemeState>();
        Services.AddScoped<BrowserClock>();
        Services.AddScoped<SearchCommands>();
        Services.AddScoped<LaunchDraft>();
        Services.AddSingleton<ITrialStore>(Store);
        Services.AddSingleton<ILiveFeed>(Feed);
        // Component tests render as the circuit does: its subscriptions are live (a prerender's are not).
        Services.AddScoped(sp =>
        {
            var updates = new CircuitLiveUpdates(sp.GetRequiredService<ILiveFeed>());
            updates.Open();
            return updates;
        });
        Services.AddOptions<LiveFeedOptions>();
        Services.AddSingleton(TimeProvider.System);
        Services.AddSingleton<IWorkloadCatalog>(new StaticWorkloadCatalog());
        Services.AddSingleton(new MetricNames(name => name == "synthetic-regression"));
        Services.AddSingleton<ICheckpointStore>(Checkpoints);
        Services.AddSingleton<ICurrentActor>(Actor);
        Services.AddScoped<SearchVisibility>();
        Services.AddSingleton<ILaunchTeams>(new FakeLaunchTeams());
        Services.AddSingleton<IAuditTrail>(Audit);
        Services.AddSingleton<HyperSearch.Core.Faults.ITransientFaultDetector>(new TimeoutFaults());
        Services.AddSingleton(SlurmJobs);
        Services.AddSingleton<HyperSearch.Web.Analysis.ImportanceCache>();
        Services.AddSingleton<HyperSearch.Web.Analysis.AnalysisCache>();
        AddAuthorization();
    }

    /// <summary>
    /// Renders as the circuit does (charts then leave out their prerendered spec). Call after the
    /// class's services are added: the renderer resolves them.
    /// </summary>
    protected void UseInteractiveRenderer() =>
        Renderer.SetRendererInfo(new Microsoft.AspNetCore.Components.RendererInfo("Server", isInteractive: true));
}

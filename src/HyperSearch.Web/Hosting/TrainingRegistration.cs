using HyperSearch.Core.Training;
using HyperSearch.Training;
using HyperSearch.Training.Checkpoints;
using HyperSearch.Training.LrFinder;
using HyperSearch.Training.Workloads;
using HyperSearch.Web.Components.Shared;
using HyperSearch.Web.Launch;
using HyperSearch.Worker;
using HyperSearch.Worker.Testing;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace HyperSearch.Web.Hosting;

/// <summary>
/// The trainer (TorchSharp for C# workloads, the command trainer for a team's own programs), its checkpoint
/// store and its workloads for the embedded worker, the launch form's workload list and LR range test; with HyperSearch:Worker:Trainer=fake the worker's sleeping trainer and its
/// "sleep" workload instead (for quick demos and tests).
/// </summary>
public static class TrainingRegistration
{
    private static readonly WorkloadInfo Sleep = new(SleepTrainer.WorkloadName, "test double: sleeps per epoch (HyperSearch:Worker:Trainer=fake)", WorkloadKind.TorchSharp);

    public static IServiceCollection AddHyperSearchTraining(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(_ => TrainingConfiguration.Registry(configuration));
        services.TryAddSingleton(_ => TrainingConfiguration.Checkpoints(configuration));
        services.TryAddSingleton<ICheckpointStore>(sp => sp.GetRequiredService<CheckpointStore>());
        services.TryAddSingleton<LrRangeTest>();
        services.TryAddSingleton<ILrRangeFinder, TorchLrRangeFinder>();
        var fake = WorkerServiceCollectionExtensions.UsesFakeTrainer(configuration);
        if (!fake) services.TryAddSingleton<ITrainer>(sp => TrainingConfiguration.Trainer(sp.GetRequiredService<WorkloadRegistry>(), sp.GetRequiredService<CheckpointStore>()));
        services.TryAddSingleton(sp => new MetricNames(name =>
            sp.GetRequiredService<WorkloadRegistry>().TryGet(name, out var workload) && workload.Task == TaskKind.Regression));
        services.TryAddSingleton<IWorkloadCatalog>(sp =>
        {
            var registry = sp.GetRequiredService<WorkloadRegistry>();
            return new StaticWorkloadCatalog([.. registry.Describe(), .. fake ? [Sleep] : Array.Empty<WorkloadInfo>()], registry.PluginErrors);
        });
        return services;
    }
}

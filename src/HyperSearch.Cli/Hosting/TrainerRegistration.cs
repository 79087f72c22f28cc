using HyperSearch.Core.Training;
using HyperSearch.Training;
using HyperSearch.Training.Checkpoints;
using HyperSearch.Training.Workloads;
using HyperSearch.Worker;
using HyperSearch.Worker.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace HyperSearch.Cli.Hosting;

/// <summary>
/// Which trainer the CLI's worker uses and which workloads a spec may name: the TorchSharp trainer for the
/// built-in and plug-in workloads and the command trainer for the command workloads, with the checkpoint
/// store (all from appsettings.json, <see cref="TrainingConfiguration.Trainer"/>) by default, or the sleeping test double when
/// HyperSearch:Worker:Trainer=fake (workload "sleep" only).
/// </summary>
public static class TrainerRegistration
{
    public static void AddTrainer(IServiceCollection services, IConfiguration configuration)
    {
        if (WorkerServiceCollectionExtensions.UsesFakeTrainer(configuration)) return; // AddHyperSearchWorker registers it
        services.TryAddSingleton(_ => TrainingConfiguration.Registry(configuration));
        services.TryAddSingleton(_ => TrainingConfiguration.Checkpoints(configuration));
        services.TryAddSingleton<ICheckpointStore>(sp => sp.GetRequiredService<CheckpointStore>());
        services.TryAddSingleton<ITrainer>(sp => TrainingConfiguration.Trainer(sp.GetRequiredService<WorkloadRegistry>(), sp.GetRequiredService<CheckpointStore>()));
    }

    /// <summary>The workloads a spec may name, with what each declares (the sleeping test double declares nothing).</summary>
    public static IReadOnlyList<WorkloadInfo> Workloads(IConfiguration configuration) =>
        WorkerServiceCollectionExtensions.UsesFakeTrainer(configuration)
            ? [new WorkloadInfo(SleepTrainer.WorkloadName, "test double: sleeps per epoch", WorkloadKind.TorchSharp)]
            : TrainingConfiguration.Registry(configuration).Describe();
}

using HyperSearch.Core.Training;
using HyperSearch.Training.Trainer;
using HyperSearch.Training.Workloads;
using HyperSearch.Worker;
using HyperSearch.Worker.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace HyperSearch.Cli.Hosting;

/// <summary>
/// Which trainer the CLI's worker uses and which workloads a spec may name: the libtorch
/// <see cref="TorchTrainer"/> with the built-in workloads (Fashion-MNIST from
/// HyperSearch:Datasets:FashionMnist) by default, or the sleeping test double when
/// HyperSearch:Worker:Trainer=fake (workload "sleep" only).
/// </summary>
public static class TrainerRegistration
{
    public static void AddTrainer(IServiceCollection services, IConfiguration configuration)
    {
        if (WorkerServiceCollectionExtensions.UsesFakeTrainer(configuration)) return; // AddHyperSearchWorker registers it
        services.TryAddSingleton(_ => CreateRegistry(configuration));
        services.TryAddSingleton<ITrainer>(sp => new TorchTrainer(sp.GetRequiredService<WorkloadRegistry>()));
    }

    public static IReadOnlyCollection<string> Workloads(IConfiguration configuration) =>
        WorkerServiceCollectionExtensions.UsesFakeTrainer(configuration)
            ? [SleepTrainer.WorkloadName]
            : CreateRegistry(configuration).Names;

    private static WorkloadRegistry CreateRegistry(IConfiguration configuration)
    {
        var options = new WorkloadOptions();
        if (configuration[WorkloadOptions.FashionMnistPathKey] is { Length: > 0 } path)
            options = options with { FashionMnistPath = path };
        return WorkloadRegistry.CreateDefault(options);
    }
}

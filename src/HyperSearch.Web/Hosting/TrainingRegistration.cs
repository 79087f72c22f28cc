using HyperSearch.Core.Training;
using HyperSearch.Training.LrFinder;
using HyperSearch.Training.Trainer;
using HyperSearch.Training.Workloads;
using HyperSearch.Web.Launch;
using HyperSearch.Worker;
using HyperSearch.Worker.Testing;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace HyperSearch.Web.Hosting;

/// <summary>
/// The libtorch trainer and its workloads for the embedded worker, the launch form's workload list
/// and LR range test; with HyperSearch:Worker:Trainer=fake the worker's sleeping trainer and its
/// "sleep" workload instead (for quick demos and tests).
/// </summary>
public static class TrainingRegistration
{
    public static IServiceCollection AddHyperSearchTraining(this IServiceCollection services, IConfiguration configuration)
    {
        var options = new WorkloadOptions();
        if (configuration[WorkloadOptions.FashionMnistPathKey] is { Length: > 0 } path) options = options with { FashionMnistPath = path };
        services.TryAddSingleton(_ => WorkloadRegistry.CreateDefault(options));
        services.TryAddSingleton<LrRangeTest>();
        services.TryAddSingleton<ILrRangeFinder, TorchLrRangeFinder>();
        var fake = WorkerServiceCollectionExtensions.UsesFakeTrainer(configuration);
        if (!fake) services.TryAddSingleton<ITrainer>(sp => new TorchTrainer(sp.GetRequiredService<WorkloadRegistry>()));
        services.TryAddSingleton<IWorkloadCatalog>(sp => new StaticWorkloadCatalog(
            [.. sp.GetRequiredService<WorkloadRegistry>().Names.Order(), .. fake ? [SleepTrainer.WorkloadName] : Array.Empty<string>()]));
        return services;
    }
}

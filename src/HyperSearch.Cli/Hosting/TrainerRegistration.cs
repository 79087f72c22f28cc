using HyperSearch.Core.Training;
using HyperSearch.Worker;
using HyperSearch.Worker.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace HyperSearch.Cli.Hosting;

/// <summary>
/// Which trainer the CLI's worker uses and which workloads a spec may name: the libtorch trainer
/// by default, or the sleeping test double when HyperSearch:Worker:Trainer=fake.
/// </summary>
public static class TrainerRegistration
{
    public static void AddTrainer(IServiceCollection services, IConfiguration configuration)
    {
        if (WorkerServiceCollectionExtensions.UsesFakeTrainer(configuration)) return; // AddHyperSearchWorker registers it
        services.TryAddSingleton<ITrainer>(_ => throw new InvalidOperationException(
            "the libtorch trainer is not part of this build yet; set HyperSearch:Worker:Trainer=fake to run the queue with the test trainer"));
    }

    public static IReadOnlyCollection<string> Workloads(IConfiguration configuration)
    {
        var names = new List<string>();
        if (WorkerServiceCollectionExtensions.UsesFakeTrainer(configuration)) names.Add(SleepTrainer.WorkloadName);
        return names;
    }
}

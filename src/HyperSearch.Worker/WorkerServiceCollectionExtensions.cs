using System.Globalization;
using HyperSearch.Core.Training;
using HyperSearch.Worker.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace HyperSearch.Worker;

public static class WorkerServiceCollectionExtensions
{
    /// <summary>
    /// The worker from HyperSearch:Worker. Needs an <see cref="Core.Searches.Queue.IWorkQueue"/> and an <see cref="Core.Faults.ITransientFaultDetector"/> (AddHyperSearchData)
    /// and an <see cref="ITrainer"/> registered by the composition root (the TorchSharp trainer), unless
    /// Trainer=fake selects the test double. The hosted loop is added when Embedded is true (default).
    /// </summary>
    public static IServiceCollection AddHyperSearchWorker(this IServiceCollection services, IConfiguration configuration)
    {
        var options = WorkerOptions.From(configuration);
        services.AddSingleton(options);
        services.TryAddSingleton(TimeProvider.System);
        if (string.Equals(options.Sampler, "fake", StringComparison.OrdinalIgnoreCase))
            services.Replace(ServiceDescriptor.Singleton<ITrialProposer, RandomLrProposer>());
        else
            services.TryAddSingleton<ITrialProposer, SamplerTrialProposer>();
        if (string.Equals(options.Trainer, "fake", StringComparison.OrdinalIgnoreCase))
        {
            var ms = double.TryParse(configuration["HyperSearch:Worker:Fake:EpochMilliseconds"], CultureInfo.InvariantCulture, out var m) ? m : 50;
            services.RemoveAll<ITrainer>();
            services.AddSingleton<ITrainer>(sp => new SleepTrainer(TimeSpan.FromMilliseconds(ms), sp.GetRequiredService<TimeProvider>()));
        }
        services.TryAddSingleton<IPrunerProvider, CorePrunerProvider>();
        services.TryAddSingleton<RunningTrials>();
        services.TryAddSingleton<SlotHealthBoard>();
        services.TryAddSingleton(_ => new WorkerLiveness());
        services.TryAddSingleton<DatabaseRetry>();
        services.TryAddSingleton<SlotScheduler>();
        services.TryAddSingleton(sp => new CheckpointRetention(
            sp.GetRequiredService<Core.Searches.Queue.IWorkQueue>(), sp.GetService<ICheckpointStore>(), sp.GetRequiredService<DatabaseRetry>(),
            sp.GetRequiredService<Microsoft.Extensions.Logging.ILogger<CheckpointRetention>>()));
        services.TryAddSingleton<TrialRunner>();
        if (options.Embedded)
        {
            services.TryAddSingleton<WorkerService>();
            services.AddHostedService(sp => sp.GetRequiredService<WorkerService>());
            if (options.ExitWhenIdle is not null) services.AddHostedService<IdleExit>();
        }
        return services;
    }

    /// <summary>Whether Trainer=fake is configured (the CLI then accepts the "sleep" workload).</summary>
    public static bool UsesFakeTrainer(IConfiguration configuration) =>
        string.Equals(configuration["HyperSearch:Worker:Trainer"], "fake", StringComparison.OrdinalIgnoreCase);
}

using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace HyperSearch.Worker.Slurm;

public static class SlurmServiceCollectionExtensions
{
    /// <summary>
    /// The Slurm executor from HyperSearch:Slurm: its settings and the job board always (the Queue page reads
    /// the board; it stays disabled), the executor loop when Enabled. Needs an ITrialStore (AddHyperSearchData).
    /// </summary>
    public static IServiceCollection AddHyperSearchSlurm(this IServiceCollection services, IConfiguration configuration)
    {
        var settings = SlurmSettings.From(configuration);
        services.AddSingleton(settings);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<SlurmJobBoard>();
        services.TryAddSingleton<ISlurmCli, SlurmCli>();
        if (settings.Enabled) services.AddHostedService<SlurmExecutor>();
        return services;
    }
}

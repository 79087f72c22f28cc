using HyperSearch.Data;
using HyperSearch.Worker;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace HyperSearch.Cli.Hosting;

/// <summary>Services of the one-shot search commands (store + an optional in-process worker).</summary>
public static class CliServices
{
    public static Task<ServiceProvider> CreateAsync(IConfiguration configuration, CancellationToken cancellationToken) =>
        CreateAsync(configuration, services =>
        {
            TrainerRegistration.AddTrainer(services, configuration);
            services.AddHyperSearchWorker(configuration);
        }, cancellationToken);

    /// <summary>The store on a migrated database, the CLI's logging, plus what <paramref name="add"/> registers.</summary>
    public static async Task<ServiceProvider> CreateAsync(IConfiguration configuration, Action<IServiceCollection> add, CancellationToken cancellationToken)
    {
        var services = new ServiceCollection();
        // Warnings only, on stderr: stdout carries the command's output (ids, tables, exports).
        services.AddLogging(b => b.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning));
        services.Configure<ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        services.AddSingleton(configuration);
        services.AddHyperSearchData(configuration);
        add(services);
        var provider = services.BuildServiceProvider();
        await provider.MigrateHyperSearchDatabaseAsync(cancellationToken);
        return provider;
    }
}

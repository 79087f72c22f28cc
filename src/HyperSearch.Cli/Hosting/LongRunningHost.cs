using HyperSearch.Data;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace HyperSearch.Cli.Hosting;

/// <summary>
/// The host of a command that runs until stopped (<c>worker</c>, <c>slurm run</c>): one-line console logs on
/// stderr, the store, and the command's own services; it waits for its database (a machine boot, a
/// restarting server), migrates it, and runs until Ctrl+C / SIGTERM.
/// </summary>
public static class LongRunningHost
{
    public static async Task<int> RunAsync(IConfiguration configuration, string logCategory, Action<IServiceCollection> addServices, CancellationToken cancellationToken)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.AddConfiguration(configuration);
        builder.Logging.AddConfiguration(configuration.GetSection("Logging"));
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
        builder.Services.Configure<ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Services.AddHyperSearchData(configuration);
        addServices(builder.Services);

        using var host = builder.Build();
        var log = host.Services.GetRequiredService<ILoggerFactory>().CreateLogger(logCategory);
        try
        {
            await host.Services.MigrateWhenReachableAsync(line => log.LogWarning("{Line}", line), cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return 0;
        }
        await host.RunAsync(cancellationToken);
        return 0;
    }
}

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
    private static readonly string[] QuietEfCategories =
    [
        "Microsoft.EntityFrameworkCore.Database.Command", "Microsoft.EntityFrameworkCore.Database.Transaction",
        "Microsoft.EntityFrameworkCore.Database.Connection", "Microsoft.EntityFrameworkCore.Query", "Microsoft.EntityFrameworkCore.Update",
    ];

    public static async Task<int> RunAsync(IConfiguration configuration, string logCategory, Action<IServiceCollection> addServices, CancellationToken cancellationToken)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.AddConfiguration(configuration);
        // Every database failure reaches these commands as an exception and is logged there once (a retry
        // line, a failed trial, a hand-back); EF Core's own error line for it is a duplicate with a stack
        // trace, and for a claim cut short by SIGTERM it reads "fail:" where nothing went wrong. Added
        // before the configuration, so a Logging:LogLevel entry for these categories still wins.
        foreach (var category in QuietEfCategories) builder.Logging.AddFilter(category, LogLevel.Critical);
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

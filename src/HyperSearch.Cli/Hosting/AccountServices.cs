using HyperSearch.Data;
using HyperSearch.Data.Accounts;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace HyperSearch.Cli.Hosting;

/// <summary>Services of the account commands (user, team): the store and Identity, no trainer or worker.</summary>
public static class AccountServices
{
    public static async Task<ServiceProvider> CreateAsync(IConfiguration configuration, CancellationToken cancellationToken)
    {
        var services = new ServiceCollection();
        services.AddLogging(b => b.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning));
        services.Configure<ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        services.AddSingleton(configuration);
        services.AddHyperSearchData(configuration);
        services.AddHyperSearchAccounts();
        var provider = services.BuildServiceProvider();
        await provider.MigrateHyperSearchDatabaseAsync(cancellationToken);
        return provider;
    }
}

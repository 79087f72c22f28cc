using HyperSearch.Core.Faults;
using HyperSearch.Core.Searches;
using HyperSearch.Core.Searches.Queue;
using HyperSearch.Data.Store;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace HyperSearch.Data;

public static class DataServiceCollectionExtensions
{
    /// <summary>
    /// The store from HyperSearch:Database (provider, connection string) and HyperSearch:Worker
    /// (lease, attempts): a pooled <see cref="IDbContextFactory{T}"/>, <see cref="ITrialStore"/> and
    /// <see cref="IWorkQueue"/>. Call <see cref="DatabaseInitializer.MigrateAsync"/> once at start.
    /// </summary>
    public static IServiceCollection AddHyperSearchData(this IServiceCollection services, IConfiguration configuration)
    {
        var settings = DatabaseSettings.From(configuration);
        services.AddSingleton(settings);
        services.AddSingleton(QueueSettings.From(configuration));
        services.TryAddSingleton(TimeProvider.System);
        services.AddPooledDbContextFactory<HyperSearchDbContext>(options => DbContextOptionsFactory.Configure(options, settings));
        services.AddSingleton<ITrialStore, TrialStore>();
        services.AddSingleton<IWorkQueue, WorkQueue>();
        services.AddSingleton<ITransientFaultDetector, TransientFaultDetector>();
        return services;
    }

    /// <summary>
    /// <see cref="MigrateHyperSearchDatabaseAsync"/>, waiting while the database is unreachable (a worker
    /// started before its database): one log line per failed try, capped back-off, until it answers or
    /// <paramref name="cancellationToken"/> stops the wait. Faults retrying cannot fix are thrown.
    /// </summary>
    public static async Task MigrateWhenReachableAsync(this IServiceProvider services, Action<string> log, CancellationToken cancellationToken = default)
    {
        var faults = services.GetRequiredService<ITransientFaultDetector>();
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await services.MigrateHyperSearchDatabaseAsync(cancellationToken);
                return;
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested && faults.IsTransient(e))
            {
                var delay = RetryBackoff.Delay(attempt, TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(10), Random.Shared.NextDouble());
                log($"Database unavailable at start ({faults.Describe(e)}); retrying in {delay.TotalSeconds:0.0} s");
                await Task.Delay(delay, cancellationToken);
            }
        }
    }

    /// <summary>Applies the migrations (and WAL on SQLite) with the registered factory: call once at start.</summary>
    public static Task MigrateHyperSearchDatabaseAsync(this IServiceProvider services, CancellationToken cancellationToken = default) =>
        DatabaseInitializer.MigrateAsync(services.GetRequiredService<DatabaseSettings>(), cancellationToken);
}

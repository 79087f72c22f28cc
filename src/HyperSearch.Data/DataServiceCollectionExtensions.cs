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
        return services;
    }

    /// <summary>Applies the migrations (and WAL on SQLite) with the registered factory: call once at start.</summary>
    public static Task MigrateHyperSearchDatabaseAsync(this IServiceProvider services, CancellationToken cancellationToken = default) =>
        DatabaseInitializer.MigrateAsync(services.GetRequiredService<DatabaseSettings>(), cancellationToken);
}

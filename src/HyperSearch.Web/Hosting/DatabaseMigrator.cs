using HyperSearch.Data;

namespace HyperSearch.Web.Hosting;

/// <summary>
/// Applies the migrations before anything else starts (registered first: hosted services start in
/// order, so the embedded worker and the live feed find the schema in place).
/// </summary>
public sealed class DatabaseMigrator(IServiceProvider services) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => services.MigrateHyperSearchDatabaseAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

using HyperSearch.Core.Faults;
using HyperSearch.Data;

namespace HyperSearch.Web.Hosting;

/// <summary>
/// Applies the migrations before anything else starts. Program.cs calls <see cref="TryMigrateAsync"/>
/// before the host starts, so a database that cannot be opened or migrated (missing folder, read-only
/// file, server refusing) ends the app with one clear log line and exit code 1 rather than the host's
/// stack trace. As a hosted service (registered first: hosted services start in order, so the embedded
/// worker and the live feed find the schema) it covers hosts that skip Program's check, e.g. tests.
/// </summary>
public sealed class DatabaseMigrator(
    IServiceProvider services, DatabaseSettings settings, ITransientFaultDetector faults, ILogger<DatabaseMigrator> logger) : IHostedService
{
    private bool migrated;

    public async Task<bool> TryMigrateAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            await services.MigrateHyperSearchDatabaseAsync(cancellationToken);
            migrated = true;
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogCritical("Cannot open the {Provider} database ({Cause}); check HyperSearch:Database:ConnectionString. Stopping.",
                settings.Provider, faults.IsTransient(e) ? faults.Describe(e) : e.GetBaseException().Message);
        }
        return migrated;
    }

    public Task StartAsync(CancellationToken cancellationToken) =>
        migrated ? Task.CompletedTask : services.MigrateHyperSearchDatabaseAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

using HyperSearch.Core.Searches;
using HyperSearch.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace HyperSearch.Cli.Tests.Queue;

/// <summary>The database the worker processes share, read back through the real store (and raw SQL for duplicates).</summary>
public sealed class QueueDatabase : IAsyncDisposable
{
    public const string PostgresVariable = "HYPERSEARCH_TEST_POSTGRES";
    private readonly ServiceProvider _services;
    private readonly string? _dir;
    private readonly string? _postgresName;
    private readonly string? _postgresAdmin;

    private QueueDatabase(string db, string? dir, string? postgresName, string? postgresAdmin = null)
    {
        _postgresAdmin = postgresAdmin;
        Db = db;
        _dir = dir;
        _postgresName = postgresName;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["HyperSearch:Database:Provider"] = postgresName is null ? "sqlite" : "postgres",
            ["HyperSearch:Database:ConnectionString"] = postgresName is null ? $"Data Source={db}" : db,
        }).Build();
        _services = new ServiceCollection().AddHyperSearchData(configuration).BuildServiceProvider();
    }

    /// <summary>The value for <c>--db</c>.</summary>
    public string Db { get; }
    public ITrialStore Store => _services.GetRequiredService<ITrialStore>();

    public static string? PostgresAdmin => Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } s ? s : null;

    /// <param name="postgresAdmin">The cluster to create the database in (default: the shared test cluster).</param>
    public static async Task<QueueDatabase> CreateAsync(bool postgres, string? postgresAdmin = null)
    {
        postgresAdmin ??= PostgresAdmin;
        QueueDatabase database;
        if (!postgres)
        {
            var dir = Directory.CreateTempSubdirectory("hs-queue-").FullName;
            database = new QueueDatabase(Path.Combine(dir, "queue.db"), dir, null);
        }
        else
        {
            var name = "hs_cli_" + Guid.NewGuid().ToString("N")[..16];
            await using (var connection = new NpgsqlConnection(postgresAdmin))
            {
                await connection.OpenAsync();
                await new NpgsqlCommand($"CREATE DATABASE {name}", connection).ExecuteNonQueryAsync();
            }
            database = new QueueDatabase(new NpgsqlConnectionStringBuilder(postgresAdmin) { Database = name }.ConnectionString, null, name, postgresAdmin);
        }
        await database._services.MigrateHyperSearchDatabaseAsync();
        return database;
    }

    /// <summary>(rows, distinct (trial, epoch) pairs) of a search's epoch table.</summary>
    public async Task<(int Rows, int Distinct)> EpochRowsAsync(long searchId)
    {
        var factory = _services.GetRequiredService<IDbContextFactory<HyperSearchDbContext>>();
        await using var db = await factory.CreateDbContextAsync();
        var rows = from e in db.EpochMetrics join t in db.Trials on e.TrialId equals t.Id where t.SearchId == searchId && t.Kind == TrialKind.Search select new { e.TrialId, e.Epoch };
        return (await rows.CountAsync(), await rows.Distinct().CountAsync());
    }

    public async Task WaitUntilAsync(long searchId, Func<SearchSummary, bool> condition, string what, int timeoutSeconds)
    {
        var deadline = DateTime.UtcNow.AddSeconds(timeoutSeconds);
        SearchSummary? last = null;
        while (DateTime.UtcNow < deadline)
        {
            last = (await Store.GetSearchAsync(searchId))?.Summary;
            if (last is not null && condition(last)) return;
            await Task.Delay(100);
        }
        Assert.Fail($"timed out waiting until {what}; last state: {last?.State} {last?.Counts}");
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        if (_dir is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
        }
        if (_postgresName is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(_postgresAdmin);
            await connection.OpenAsync();
            await new NpgsqlCommand($"DROP DATABASE IF EXISTS {_postgresName} WITH (FORCE)", connection).ExecuteNonQueryAsync();
        }
    }
}

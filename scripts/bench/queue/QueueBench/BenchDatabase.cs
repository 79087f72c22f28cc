using HyperSearch.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace QueueBench;

/// <summary>A fresh database for one run: a temp SQLite file, or a new database on the PostgreSQL cluster.</summary>
public sealed class BenchDatabase : IAsyncDisposable
{
    private readonly string? _pgName;
    private readonly string? _pgAdmin;
    private readonly string? _dir;

    private BenchDatabase(string provider, string connection, string? dir, string? pgName, string? pgAdmin)
    {
        Provider = provider;
        ConnectionString = connection;
        _dir = dir;
        _pgName = pgName;
        _pgAdmin = pgAdmin;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["HyperSearch:Database:Provider"] = provider,
            ["HyperSearch:Database:ConnectionString"] = connection,
        }).Build();
        Services = new ServiceCollection().AddHyperSearchData(configuration).BuildServiceProvider();
    }

    public string Provider { get; }
    public string ConnectionString { get; }
    public ServiceProvider Services { get; }
    public IDbContextFactory<HyperSearchDbContext> Factory => Services.GetRequiredService<IDbContextFactory<HyperSearchDbContext>>();

    public static async Task<BenchDatabase> CreateAsync(string provider, string? pgAdmin)
    {
        BenchDatabase db;
        if (provider == "sqlite")
        {
            var dir = Directory.CreateTempSubdirectory("hs-bench-").FullName;
            db = new BenchDatabase("sqlite", $"Data Source={Path.Combine(dir, "bench.db")}", dir, null, null);
        }
        else
        {
            var admin = pgAdmin ?? throw new InvalidOperationException("HYPERSEARCH_TEST_POSTGRES is not set (scripts/test-postgres.sh start)");
            var name = "hs_bench_" + Guid.NewGuid().ToString("N")[..12];
            await using (var connection = new NpgsqlConnection(admin))
            {
                await connection.OpenAsync();
                await new NpgsqlCommand($"CREATE DATABASE {name}", connection).ExecuteNonQueryAsync();
            }
            db = new BenchDatabase("postgres", new NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString, null, name, admin);
        }
        await db.Services.MigrateHyperSearchDatabaseAsync();
        return db;
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        if (_dir is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(_dir, recursive: true);
        }
        if (_pgName is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(_pgAdmin);
            await connection.OpenAsync();
            await new NpgsqlCommand($"DROP DATABASE IF EXISTS {_pgName} WITH (FORCE)", connection).ExecuteNonQueryAsync();
        }
    }
}

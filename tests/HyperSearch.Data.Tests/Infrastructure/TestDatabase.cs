using HyperSearch.Core.Searches;
using HyperSearch.Core.Searches.Queue;
using HyperSearch.Data.Store;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Npgsql;

namespace HyperSearch.Data.Tests.Infrastructure;

/// <summary>
/// A fresh, migrated database per test: a temp SQLite file, or a throwaway database on the
/// PostgreSQL cluster named by HYPERSEARCH_TEST_POSTGRES (scripts/test-postgres.sh starts one).
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public const string PostgresVariable = "HYPERSEARCH_TEST_POSTGRES";

    private readonly string? _sqliteDir;
    private readonly string? _postgresName;

    private TestDatabase(DatabaseSettings settings, string? sqliteDir, string? postgresName, QueueSettings queue, ManualTimeProvider time)
    {
        Settings = settings;
        _sqliteDir = sqliteDir;
        _postgresName = postgresName;
        Time = time;
        Queue = queue;
        Factory = new PooledDbContextFactory<HyperSearchDbContext>(DbContextOptionsFactory.Create(settings));
        Store = new TrialStore(Factory, queue, time);
        WorkQueue = new WorkQueue(Factory, queue, time);
    }

    public DatabaseSettings Settings { get; }
    public ManualTimeProvider Time { get; }
    public QueueSettings Queue { get; }
    public IDbContextFactory<HyperSearchDbContext> Factory { get; }
    public ITrialStore Store { get; }
    public IWorkQueue WorkQueue { get; }

    public static string? PostgresAdmin => Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } s ? s : null;

    /// <summary>sqlite always; postgres only when a cluster is configured (see <see cref="PostgresFactAttribute"/>).</summary>
    public static TheoryData<string> Providers()
    {
        var data = new TheoryData<string> { "sqlite" };
        if (PostgresAdmin is not null) data.Add("postgres");
        return data;
    }

    public static async Task<TestDatabase> CreateAsync(string provider, QueueSettings? queue = null, bool migrate = true)
    {
        queue ??= new QueueSettings(TimeSpan.FromSeconds(30), 3);
        TestDatabase db;
        if (provider == "sqlite")
        {
            var dir = Path.Combine(Path.GetTempPath(), "hypersearch-tests", Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(dir);
            db = new TestDatabase(new DatabaseSettings(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(dir, "test.db")}"), dir, null, queue, new ManualTimeProvider());
        }
        else
        {
            var admin = PostgresAdmin ?? throw new InvalidOperationException($"{PostgresVariable} is not set");
            var name = "hs_test_" + Guid.NewGuid().ToString("N")[..16];
            await using (var connection = new NpgsqlConnection(admin))
            {
                await connection.OpenAsync();
                await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
                await command.ExecuteNonQueryAsync();
            }
            var csb = new NpgsqlConnectionStringBuilder(admin) { Database = name };
            db = new TestDatabase(new DatabaseSettings(DatabaseProvider.Postgres, csb.ConnectionString), null, name, queue, new ManualTimeProvider());
        }
        if (migrate) await DatabaseInitializer.MigrateAsync(db.Settings);
        return db;
    }

    public async ValueTask DisposeAsync()
    {
        if (_sqliteDir is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try { Directory.Delete(_sqliteDir, recursive: true); } catch (IOException) { }
        }
        if (_postgresName is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(PostgresAdmin);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_postgresName} WITH (FORCE)", connection);
            await command.ExecuteNonQueryAsync();
        }
    }
}

using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace HyperSearch.Data;

/// <summary>Builds context options for either provider; relative SQLite paths resolve against the current directory.</summary>
public static class DbContextOptionsFactory
{
    public static void Configure(DbContextOptionsBuilder builder, DatabaseSettings settings)
    {
        if (settings.Provider == DatabaseProvider.Sqlite)
        {
            builder.UseSqlite(NormalizeSqlite(settings.ConnectionString));
            builder.AddInterceptors(SqliteConnectionInterceptor.Instance);
        }
        else
        {
            builder.UseNpgsql(NormalizePostgres(settings.ConnectionString));
        }
    }

    public static DbContextOptions<HyperSearchDbContext> Create(DatabaseSettings settings) => Create<HyperSearchDbContext>(settings);

    public static DbContextOptions<TContext> Create<TContext>(DatabaseSettings settings) where TContext : DbContext
    {
        var builder = new DbContextOptionsBuilder<TContext>();
        Configure(builder, settings);
        return builder.Options;
    }

    /// <summary>Makes the file path absolute (against the current directory). Its folder is created when the
    /// database is migrated (<see cref="DatabaseInitializer"/>), not here: options are built while services
    /// are constructed, where a failure would surface as a host stack trace instead of one clear line.</summary>
    public static string NormalizeSqlite(string connectionString)
    {
        var csb = new SqliteConnectionStringBuilder(connectionString);
        if (SqliteFilePath(connectionString) is { } full) csb.DataSource = full;
        // Pooled connections keep the per-connection PRAGMAs set by the interceptor cheap.
        csb.Pooling = true;
        return csb.ToString();
    }

    /// <summary>
    /// Turns PostgreSQL's JIT off for HyperSearch's sessions unless the connection string sets its own
    /// <c>Options</c>. Why: every query here is a short OLTP query, and PostgreSQL JIT-compiles by
    /// estimated cost. The per-search counts of the claim and the Queue page are estimated at
    /// rows ÷ distinct searches per lookup, so one search holding most trials (a large finished search
    /// beside many waiting ones) pushes the estimate over <c>jit_above_cost</c>: 80 ms per worker ask
    /// instead of 3 ms, measured on the dashboard benchmark's database (docs/benchmarks.md).
    /// </summary>
    public static string NormalizePostgres(string connectionString)
    {
        var csb = new NpgsqlConnectionStringBuilder(connectionString);
        if (string.IsNullOrEmpty(csb.Options)) csb.Options = "-c jit=off";
        return csb.ToString();
    }

    /// <summary>The absolute path of a SQLite file database; null for in-memory and URI data sources.</summary>
    public static string? SqliteFilePath(string connectionString)
    {
        var source = new SqliteConnectionStringBuilder(connectionString).DataSource;
        return source is { Length: > 0 } && source != ":memory:" && !source.StartsWith("file:", StringComparison.Ordinal)
            ? Path.GetFullPath(source)
            : null;
    }
}

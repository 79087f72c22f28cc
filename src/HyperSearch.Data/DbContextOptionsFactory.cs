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
        var csb = Parse(() => new SqliteConnectionStringBuilder(connectionString));
        if (SqliteFilePath(connectionString) is { } full) csb.DataSource = full;
        // Pooled connections keep the per-connection PRAGMAs set by the interceptor cheap.
        csb.Pooling = true;
        return csb.ToString();
    }

    /// <summary>
    /// Turns PostgreSQL's JIT off for HyperSearch's sessions unless the connection string's <c>Options</c>
    /// set <c>jit</c> themselves. Why: every query here is a short OLTP query, and PostgreSQL JIT-compiles by
    /// estimated cost. The per-search counts of the claim and the Queue page are estimated at
    /// rows ÷ distinct searches per lookup, so one search holding most trials (a large finished search
    /// beside many waiting ones) pushes the estimate over <c>jit_above_cost</c>: 80 ms per worker ask
    /// instead of 3 ms, measured on the dashboard benchmark's database (docs/benchmarks.md).
    /// </summary>
    public static string NormalizePostgres(string connectionString)
    {
        var csb = Parse(() => new NpgsqlConnectionStringBuilder(connectionString));
        // Appended to the operator's own options (a search_path, a work_mem) unless they set jit themselves.
        if (csb.Options?.Contains("jit", StringComparison.OrdinalIgnoreCase) != true) csb.Options = $"{csb.Options} -c jit=off".TrimStart();
        return csb.ToString();
    }

    /// <summary>The absolute path of a SQLite file database; null for in-memory and URI data sources.</summary>
    public static string? SqliteFilePath(string connectionString)
    {
        var source = Parse(() => new SqliteConnectionStringBuilder(connectionString)).DataSource;
        return source is { Length: > 0 } && source != ":memory:" && !source.StartsWith("file:", StringComparison.Ordinal)
            ? Path.GetFullPath(source)
            : null;
    }

    private static T Parse<T>(Func<T> parse)
    {
        try
        {
            return parse();
        }
        catch (ArgumentException e)
        {
            // Without an inner exception: the CLI and the start-up check print the base exception's message.
            throw new InvalidOperationException($"{DatabaseSettings.ConnectionStringKey}: {Explain(e)}");
        }
    }

    // Npgsql names the keyword only in ParamName and the reason only in the inner exception.
    private static string Explain(ArgumentException e) => e switch
    {
        { InnerException: KeyNotFoundException, ParamName: { } keyword } => $"'{keyword}' is not a connection-string keyword of this provider",
        { InnerException: { } inner, ParamName: { } keyword } => $"'{keyword}': {inner.Message}",
        _ => e.Message,
    };
}

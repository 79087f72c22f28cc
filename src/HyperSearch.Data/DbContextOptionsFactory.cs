using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

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
            builder.UseNpgsql(settings.ConnectionString);
        }
    }

    public static DbContextOptions<HyperSearchDbContext> Create(DatabaseSettings settings) => Create<HyperSearchDbContext>(settings);

    public static DbContextOptions<TContext> Create<TContext>(DatabaseSettings settings) where TContext : DbContext
    {
        var builder = new DbContextOptionsBuilder<TContext>();
        Configure(builder, settings);
        return builder.Options;
    }

    /// <summary>Makes the file path absolute (against the current directory) and creates its folder.</summary>
    public static string NormalizeSqlite(string connectionString)
    {
        var csb = new SqliteConnectionStringBuilder(connectionString);
        if (csb.DataSource is { Length: > 0 } source && source != ":memory:" && !source.StartsWith("file:", StringComparison.Ordinal))
        {
            var full = Path.GetFullPath(source);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            csb.DataSource = full;
        }
        // Pooled connections keep the per-connection PRAGMAs set by the interceptor cheap.
        csb.Pooling = true;
        return csb.ToString();
    }
}

using Microsoft.EntityFrameworkCore;

namespace HyperSearch.Data;

/// <summary>Brings a database to the current schema: WAL for SQLite (once; it persists), then the migrations.</summary>
public static class DatabaseInitializer
{
    public static async Task MigrateAsync(IDbContextFactory<HyperSearchDbContext> factory, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        if (db.IsSqlite)
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode = WAL;", cancellationToken);
        await db.Database.MigrateAsync(cancellationToken);
    }
}

using HyperSearch.Data.Migrations;
using Microsoft.EntityFrameworkCore;

namespace HyperSearch.Data;

/// <summary>
/// Brings a database to the current schema: the SQLite file's folder, WAL for SQLite (once; it persists), then the configured
/// provider's migrations (Migrations/Sqlite or Migrations/Postgres, see docs/migrations.md).
/// </summary>
public static class DatabaseInitializer
{
    public static async Task MigrateAsync(DatabaseSettings settings, CancellationToken cancellationToken = default)
    {
        if (settings.Provider == DatabaseProvider.Sqlite && DbContextOptionsFactory.SqliteFilePath(settings.ConnectionString) is { } file)
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        await using var db = MigrationContexts.Create(settings);
        if (db.IsSqlite)
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode = WAL;", cancellationToken);
        await db.Database.MigrateAsync(cancellationToken);
    }
}

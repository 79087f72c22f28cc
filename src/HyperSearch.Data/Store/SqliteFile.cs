using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace HyperSearch.Data.Store;

/// <summary>The full path of a context's SQLite database file (the options factory made it absolute), or null on PostgreSQL.</summary>
internal static class SqliteFile
{
    public static string? PathOf(HyperSearchDbContext db) =>
        db.IsSqlite ? ((SqliteConnection)db.Database.GetDbConnection()).DataSource : null;
}

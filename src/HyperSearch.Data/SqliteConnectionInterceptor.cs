using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace HyperSearch.Data;

/// <summary>
/// Per-connection SQLite settings: wait up to 10 s for another writer instead of failing with
/// SQLITE_BUSY (many workers share one file), and enforce foreign keys. WAL is set once per
/// database by <see cref="DatabaseInitializer"/> (it persists in the file).
/// </summary>
internal sealed class SqliteConnectionInterceptor : DbConnectionInterceptor
{
    public static SqliteConnectionInterceptor Instance { get; } = new();

    private const string Pragmas = "PRAGMA busy_timeout = 10000; PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Run(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Run(connection);
        return Task.CompletedTask;
    }

    private static void Run(DbConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }
}

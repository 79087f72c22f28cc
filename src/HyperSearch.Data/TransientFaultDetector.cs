using System.Net.Sockets;
using HyperSearch.Core.Faults;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace HyperSearch.Data;

/// <summary>
/// The passing faults of both providers, found anywhere in the exception chain (EF Core wraps them):
/// SQLite busy/locked (another writer held the file past the busy timeout), I/O, cannot-open and
/// read-only (the file briefly unreachable or unwritable); Npgsql's own transient verdict (connection
/// refused or dropped, server shutting down or starting, too many connections) and timeouts.
/// </summary>
internal sealed class TransientFaultDetector : ITransientFaultDetector
{
    private const int SqliteBusy = 5, SqliteLocked = 6, SqliteReadOnly = 8, SqliteIoError = 10, SqliteCantOpen = 14;

    public bool IsTransient(Exception exception) => Find(exception) is not null;

    public string Describe(Exception exception) => Find(exception) switch
    {
        SqliteException { SqliteErrorCode: SqliteBusy or SqliteLocked } => "database is locked",
        SqliteException { SqliteErrorCode: SqliteReadOnly } => "database file is read-only",
        SqliteException s => $"database file unreachable (SQLite error {s.SqliteErrorCode})",
        PostgresException p => $"database unavailable ({p.SqlState}: {p.MessageText})",
        NpgsqlException { InnerException: SocketException socket } => $"database unreachable ({socket.SocketErrorCode})",
        NpgsqlException n => $"database unavailable ({n.Message})",
        TimeoutException => "database timed out",
        _ => exception.Message,
    };

    private static Exception? Find(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is AggregateException { InnerExceptions.Count: > 0 } aggregate) return aggregate.InnerExceptions.Select(Find).FirstOrDefault(f => f is not null);
            if (Transient(e)) return e;
        }
        return null;
    }

    private static bool Transient(Exception e) => e switch
    {
        SqliteException s => s.SqliteErrorCode is SqliteBusy or SqliteLocked or SqliteReadOnly or SqliteIoError or SqliteCantOpen,
        NpgsqlException n => n.IsTransient,
        TimeoutException => true,
        _ => false,
    };
}

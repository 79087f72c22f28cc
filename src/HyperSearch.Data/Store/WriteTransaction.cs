using System.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace HyperSearch.Data.Store;

/// <summary>
/// The one place where the providers' locking differs. SQLite: every write transaction is
/// <c>BEGIN IMMEDIATE</c> (Microsoft.Data.Sqlite's default), taking the database's single write
/// lock up front so read-then-write decisions (claim, budget check) cannot interleave; waiters
/// block on the busy timeout. PostgreSQL: READ COMMITTED plus explicit row locks
/// (<c>FOR UPDATE [SKIP LOCKED]</c>) on the rows a decision depends on.
/// </summary>
internal static class WriteTransaction
{
    public static Task<IDbContextTransaction> BeginAsync(HyperSearchDbContext db, CancellationToken cancellationToken) =>
        db.IsSqlite
            ? db.Database.BeginTransactionAsync(cancellationToken)
            : db.Database.BeginTransactionAsync(IsolationLevel.ReadCommitted, cancellationToken);

    /// <summary>Locks a search row until commit (PostgreSQL); SQLite already holds the write lock.</summary>
    public static async Task LockSearchAsync(HyperSearchDbContext db, long searchId, CancellationToken cancellationToken)
    {
        if (db.IsSqlite) return;
        await db.Database
            .SqlQueryRaw<long>("SELECT \"Id\" AS \"Value\" FROM \"Searches\" WHERE \"Id\" = {0} FOR UPDATE", searchId)
            .ToListAsync(cancellationToken);
    }

    /// <summary>Row-lock clause for the claim query: skip trials another worker is claiming right now.</summary>
    public static string ClaimLockClause(HyperSearchDbContext db) => db.IsSqlite ? "" : " FOR UPDATE OF t SKIP LOCKED";
}

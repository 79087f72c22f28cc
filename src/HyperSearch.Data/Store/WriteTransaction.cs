using System.Data;
using HyperSearch.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace HyperSearch.Data.Store;

/// <summary>
/// The one place where the providers' locking differs. SQLite: every write transaction is
/// <c>BEGIN IMMEDIATE</c> (Microsoft.Data.Sqlite's default), taking the database's single write
/// lock up front so read-then-write decisions (claim, budget check) cannot interleave; waiters
/// block on the busy timeout. PostgreSQL: READ COMMITTED plus explicit row locks
/// (<c>FOR UPDATE [SKIP LOCKED]</c>) on the rows a decision depends on. SQLite writers first pass
/// the <see cref="SqliteWriteGate"/> so that waiting for the lock is cheap.
/// </summary>
internal static class WriteTransaction
{
    public static async Task<WriteScope> BeginAsync(HyperSearchDbContext db, CancellationToken cancellationToken)
    {
        if (!db.IsSqlite)
            return new WriteScope(await db.Database.BeginTransactionAsync(IsolationLevel.ReadCommitted, cancellationToken), null);
        var gate = await SqliteWriteGate.For(SqliteFile.PathOf(db)!).EnterAsync(cancellationToken);
        try
        {
            return new WriteScope(await db.Database.BeginTransactionAsync(cancellationToken), gate);
        }
        catch
        {
            gate.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Locks a search row until commit (PostgreSQL; SQLite already holds the write lock). Every
    /// decision about a search — budget, parallelism, completion — is taken under it, so two
    /// workers finishing its last two trials at once cannot both miss the completion.
    /// </summary>
    public static async Task LockSearchAsync(HyperSearchDbContext db, long searchId, CancellationToken cancellationToken)
    {
        if (db.IsSqlite) return;
        await db.Database
            .SqlQueryRaw<long>("SELECT \"Id\" AS \"Value\" FROM \"Searches\" WHERE \"Id\" = {0} FOR UPDATE", searchId)
            .ToListAsync(cancellationToken);
    }

    /// <summary>
    /// <see cref="LockSearchAsync"/> and load the (tracked) search row in one round trip; null when
    /// there is no such search.
    /// </summary>
    public static async Task<SearchEntity?> LockAndLoadSearchAsync(HyperSearchDbContext db, long searchId, CancellationToken cancellationToken)
    {
        var sql = "SELECT * FROM \"Searches\" WHERE \"Id\" = {0}" + (db.IsSqlite ? "" : " FOR UPDATE");
        return (await db.Searches.FromSqlRaw(sql, searchId).ToListAsync(cancellationToken)).SingleOrDefault();
    }

    /// <summary>
    /// Locks and loads the search of a trial in one round trip (a trial's search never changes, so
    /// this may run before the trial is read, keeping the lock order search → trial).
    /// </summary>
    public static async Task<SearchEntity?> LockAndLoadSearchOfTrialAsync(HyperSearchDbContext db, long trialId, CancellationToken cancellationToken)
    {
        var sql = "SELECT * FROM \"Searches\" WHERE \"Id\" = (SELECT \"SearchId\" FROM \"Trials\" WHERE \"Id\" = {0})"
                  + (db.IsSqlite ? "" : " FOR UPDATE");
        return (await db.Searches.FromSqlRaw(sql, trialId).ToListAsync(cancellationToken)).SingleOrDefault();
    }

    /// <summary>
    /// Locks a queued trial for the claim (PostgreSQL), skipping it if another claimer holds it;
    /// false when it is gone or taken. Called after <see cref="LockSearchAsync"/>: every writer locks
    /// the search row before its trial rows, so claims, asks, finishes and cancels cannot deadlock.
    /// </summary>
    public static async Task<bool> LockQueuedTrialAsync(HyperSearchDbContext db, long trialId, CancellationToken cancellationToken)
    {
        var sql = "SELECT \"Id\" AS \"Value\" FROM \"Trials\" WHERE \"Id\" = {0} AND \"State\" = 'Queued'"
                  + (db.IsSqlite ? "" : " FOR UPDATE SKIP LOCKED");
        return (await db.Database.SqlQueryRaw<long>(sql, trialId).ToListAsync(cancellationToken)).Count == 1;
    }

    /// <summary>
    /// Serialises every start of a trial (claim, asked insert) until commit on PostgreSQL, so the
    /// claim order's team shares and the teams' caps are decided on what the other starts committed
    /// (SQLite already holds its single write lock). Taken first in those transactions; the other
    /// writers never take it, so it cannot close a lock cycle.
    /// </summary>
    public static async Task LockStartsAsync(HyperSearchDbContext db, CancellationToken cancellationToken)
    {
        if (db.IsSqlite) return;
        await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock(4817001)", cancellationToken);
    }
}

using System.Security.Cryptography;
using System.Text;
using HyperSearch.Core.Searches;
using HyperSearch.Data.Accounts;
using Microsoft.EntityFrameworkCore;

namespace HyperSearch.Data.Store;

/// <summary>
/// Writing a new search: with its audit entry in the same transaction (a launch the database kept
/// always has its entry), and at most once per launcher and idempotency key — the key is stored on
/// the search (hashed with the launcher, so two users' keys never meet), under a unique index.
/// </summary>
internal static class SearchLaunches
{
    public static async Task<LaunchedSearch> LaunchAsync(IDbContextFactory<HyperSearchDbContext> factory, TimeProvider time, SearchSpec spec,
        SearchLaunch? launch, CancellationToken cancellationToken)
    {
        var key = launch?.IdempotencyKey is { } k ? KeyOf(spec.LaunchedByUserId ?? launch.Actor, k) : null;
        try
        {
            await using var db = await factory.CreateDbContextAsync(cancellationToken);
            await using var tx = await WriteTransaction.BeginAsync(db, cancellationToken);
            if (key is not null && await FirstAsync(db, key, launch!.Fingerprint, cancellationToken) is { } first) return first;
            var now = time.GetUtcNow();
            var search = EntityMapper.ToEntity(spec, now);
            search.LaunchKey = key;
            search.LaunchFingerprint = key is null ? null : launch!.Fingerprint;
            db.Searches.Add(search);
            await db.SaveChangesAsync(cancellationToken);
            if (launch is not null) db.AuditLog.Add(AuditLog.Entry(now, launch.Actor, launch.AuditAction, search.Id, launch.AuditDetail));
            await db.SaveChangesAsync(cancellationToken);
            await tx.CommitAsync(cancellationToken);
            return new LaunchedSearch(search.Id, LaunchOutcome.Created);
        }
        catch (DbUpdateException) when (key is not null)
        {
            // PostgreSQL: a concurrent launch with the same key committed first (unique index); it is the first.
            await using var db = await factory.CreateDbContextAsync(cancellationToken);
            if (await FirstAsync(db, key, launch!.Fingerprint, cancellationToken) is { } first) return first;
            throw; // not that race: a locked file, a constraint
        }
    }

    private static async Task<LaunchedSearch?> FirstAsync(HyperSearchDbContext db, string key, string? fingerprint, CancellationToken cancellationToken)
    {
        var first = await db.Searches.AsNoTracking().Where(s => s.LaunchKey == key)
            .Select(s => new { s.Id, s.LaunchFingerprint }).SingleOrDefaultAsync(cancellationToken);
        if (first is null) return null;
        return new LaunchedSearch(first.Id, first.LaunchFingerprint == fingerprint ? LaunchOutcome.Replayed : LaunchOutcome.KeyReused);
    }

    /// <summary>Hex SHA-256 of the launcher and their key: fixed length, and one user's key cannot name another's search.</summary>
    private static string KeyOf(string launcher, string key) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(launcher + "\n" + key)));
}

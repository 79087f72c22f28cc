using Microsoft.EntityFrameworkCore;

namespace HyperSearch.Data.Accounts;

/// <summary>
/// The account's security stamp: every sign-in cookie carries the stamp of its time, and a cookie
/// whose stamp is no longer the account's is refused. Signing out renews the stamp (Identity's
/// UserManager.UpdateSecurityStampAsync), which ends every session of the account.
/// </summary>
public sealed class AccountSessions(IDbContextFactory<HyperSearchDbContext> factory)
{
    /// <summary>The account's current stamp; null when the account is gone. One read by primary key, no write.</summary>
    public async Task<string?> StampAsync(string userId, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.SecurityStamp).SingleOrDefaultAsync(cancellationToken);
    }
}

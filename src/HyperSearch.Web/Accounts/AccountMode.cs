using HyperSearch.Data.Accounts;

namespace HyperSearch.Web.Accounts;

/// <summary>
/// Whether accounts exist. Without any, the server is in open loopback mode: it listens on loopback
/// only (<see cref="LoopbackGuard"/>) and every caller acts as the local admin. Once an account
/// exists, every page needs a sign-in and the API a token. Accounts appearing while the server runs
/// (`hypersearch user add`) take effect within <see cref="Recheck"/>; the mode never goes back.
/// </summary>
public sealed class AccountMode(TeamDirectory teams, TimeProvider time)
{
    public static readonly TimeSpan Recheck = TimeSpan.FromSeconds(2);

    private volatile bool enabled;
    private long checkedAtTicks; // 0001-01-01: the first call checks

    public async ValueTask<bool> IsEnabledAsync(CancellationToken cancellationToken = default)
    {
        if (enabled) return true;
        var now = time.GetUtcNow().UtcTicks;
        if (now - Interlocked.Read(ref checkedAtTicks) < Recheck.Ticks) return false;
        enabled = await teams.AnyAccountAsync(cancellationToken);
        Interlocked.Exchange(ref checkedAtTicks, now);
        return enabled;
    }
}

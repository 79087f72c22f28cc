using System.Security.Claims;
using HyperSearch.Core.Access;
using HyperSearch.Data.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace HyperSearch.Web.Accounts;

/// <summary>The <see cref="Actor"/> behind a request's or a circuit's user: claims say who, the database says their teams.</summary>
public sealed class ActorResolver(AccountMode mode, TeamDirectory teams, ReadIsolation isolation, IOptions<IdentityOptions> identity)
{
    /// <summary>
    /// Null when accounts exist and the user is not signed in, the account is gone, or — for a cookie
    /// sign-in — the account signed out since (its security stamp changed): a circuit opened before a
    /// sign-out in another tab may do nothing more.
    /// </summary>
    public async Task<Actor?> ResolveAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        if (!await mode.IsEnabledAsync(cancellationToken)) return Actor.LocalOpenMode;
        if (user.Identity?.IsAuthenticated != true || user.FindFirstValue(ClaimTypes.NameIdentifier) is not { } userId) return null;
        var scope = user.FindFirstValue(ApiTokenHandler.ScopeClaim);
        // A token carries a scope and no stamp (tokens are revoked on their own); a cookie always carries its stamp.
        var stamp = scope is null ? user.FindFirstValue(identity.Value.ClaimsIdentity.SecurityStampClaimType) ?? "" : null;
        var actor = await teams.ActorAsync(userId, canWrite: scope is null || scope == nameof(TokenScope.ReadWrite), stamp, cancellationToken);
        return actor is null || isolation.Enabled ? actor : actor with { ReadsEveryTeam = true };
    }
}

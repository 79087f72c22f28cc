using System.Security.Claims;
using HyperSearch.Core.Access;
using HyperSearch.Data.Accounts;

namespace HyperSearch.Web.Accounts;

/// <summary>The <see cref="Actor"/> behind a request's or a circuit's user: claims say who, the database says their teams.</summary>
public sealed class ActorResolver(AccountMode mode, TeamDirectory teams)
{
    /// <summary>Null when accounts exist and the user is not signed in (or the account is gone).</summary>
    public async Task<Actor?> ResolveAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        if (!await mode.IsEnabledAsync(cancellationToken)) return Actor.LocalOpenMode;
        if (user.Identity?.IsAuthenticated != true || user.FindFirstValue(ClaimTypes.NameIdentifier) is not { } userId) return null;
        var scope = user.FindFirstValue(ApiTokenHandler.ScopeClaim);
        return await teams.ActorAsync(userId, canWrite: scope is null || scope == nameof(TokenScope.ReadWrite), cancellationToken);
    }
}

using System.Security.Claims;
using HyperSearch.Data.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace HyperSearch.Web.Accounts;

/// <summary>
/// Checks the sign-in cookie against the account on every request (replacing Identity's check every
/// 30 minutes): a cookie whose security stamp is not the account's current one — the account signed
/// out somewhere, or was deleted — is refused, so a copy of the cookie saved before sign-out no
/// longer works. One read by primary key; it writes nothing (a refused cookie is only cleared in the
/// response), so a locked database cannot make a page wait on it.
/// </summary>
public static class SessionValidator
{
    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var services = context.HttpContext.RequestServices;
        var stampClaim = services.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity.SecurityStampClaimType;
        var principal = context.Principal;
        if (principal?.FindFirstValue(ClaimTypes.NameIdentifier) is { } userId
            && principal.FindFirstValue(stampClaim) is { } stamp
            && stamp == await services.GetRequiredService<AccountSessions>().StampAsync(userId, context.HttpContext.RequestAborted))
            return;
        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
    }
}

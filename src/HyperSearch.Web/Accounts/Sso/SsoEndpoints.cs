using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace HyperSearch.Web.Accounts.Sso;

/// <summary>
/// GET /account/sso starts the provider's sign-in (a plain link: the CSP's form-action 'self' would
/// stop a form from being redirected to the provider); GET /account/sso/callback finishes it.
/// </summary>
public static class SsoEndpoints
{
    public const string StartPath = "/account/sso";
    public const string LoginWithError = "/account/login?error=sso";

    public static IEndpointRouteBuilder MapSsoEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(StartPath, (string? returnUrl, IOptions<SsoOptions> options) =>
        {
            if (!options.Value.Enabled) return Results.LocalRedirect(LoginWithError);
            var callback = $"{StartPath}/callback?returnUrl={Uri.EscapeDataString(AccountEndpoints.SafeReturnUrl(returnUrl))}";
            return Results.Challenge(new AuthenticationProperties { RedirectUri = callback }, [SsoOptions.SchemeName]);
        }).AllowAnonymous().RequireRateLimiting(AccountEndpoints.LoginRateLimit);

        endpoints.MapGet(StartPath + "/callback", async (string? returnUrl, HttpContext http, SsoSignIn sso) =>
        {
            var external = await http.AuthenticateAsync(IdentityConstants.ExternalScheme);
            await http.SignOutAsync(IdentityConstants.ExternalScheme); // one use: the app's own cookie takes over
            if (!external.Succeeded) return Results.LocalRedirect(LoginWithError);
            var error = await sso.SignInAsync(external.Principal);
            return Results.LocalRedirect(error is null ? AccountEndpoints.SafeReturnUrl(returnUrl) : $"/account/login?error={error}");
        }).AllowAnonymous();
        return endpoints;
    }
}

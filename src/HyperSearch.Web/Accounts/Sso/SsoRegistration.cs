using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Identity;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace HyperSearch.Web.Accounts.Sso;

public static class SsoRegistration
{
    /// <summary>
    /// The OpenID Connect scheme when `HyperSearch:Sso:Authority` is set: authorization code + PKCE;
    /// the provider's answer lands in Identity's external cookie, and <see cref="SsoEndpoints"/> turns
    /// it into the app's own sign-in.
    /// </summary>
    public static AuthenticationBuilder AddHyperSearchSso(this AuthenticationBuilder authentication, IConfiguration configuration)
    {
        var section = configuration.GetSection(SsoOptions.Section);
        authentication.Services.Configure<SsoOptions>(section);
        authentication.Services.AddScoped<SsoSignIn>();
        var sso = section.Get<SsoOptions>() ?? new SsoOptions();
        if (!sso.Enabled) return authentication;

        return authentication.AddOpenIdConnect(SsoOptions.SchemeName, sso.DisplayName, o =>
        {
            o.SignInScheme = IdentityConstants.ExternalScheme;
            o.Authority = sso.Authority;
            o.ClientId = sso.ClientId;
            o.ClientSecret = string.IsNullOrEmpty(sso.ClientSecret) ? null : sso.ClientSecret;
            o.RequireHttpsMetadata = sso.RequireHttpsMetadata;
            o.ResponseType = OpenIdConnectResponseType.Code;
            o.UsePkce = true;
            // The code comes back as a top-level GET, so the correlation and nonce cookies can be
            // SameSite=Lax: form_post would need SameSite=None, which browsers accept only with Secure (HTTPS).
            o.ResponseMode = OpenIdConnectResponseMode.Query;
            o.CorrelationCookie.SameSite = SameSiteMode.Lax;
            o.CorrelationCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.NonceCookie.SameSite = SameSiteMode.Lax;
            o.NonceCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            // Claims keep the provider's names (sub, groups, preferred_username): the teams claim is named in config.
            o.MapInboundClaims = false;
            o.Scope.Clear();
            foreach (var scope in sso.Scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)) o.Scope.Add(scope);
            if (!o.Scope.Contains(OpenIdConnectScope.OpenId)) o.Scope.Add(OpenIdConnectScope.OpenId);
            o.SaveTokens = false;
            o.Events.OnRemoteFailure = context =>
            {
                // A tampered or replayed state, a provider error (access_denied) or an unreachable provider:
                // back to the login page with a message, never an error page.
                context.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SsoRegistration))
                    .LogWarning("Single sign-on failed: {Reason}", context.Failure?.Message);
                context.Response.Redirect(context.Request.PathBase + SsoEndpoints.LoginWithError);
                context.HandleResponse();
                return Task.CompletedTask;
            };
        });
    }
}

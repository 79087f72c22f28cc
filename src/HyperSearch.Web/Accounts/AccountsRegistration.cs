using System.Threading.RateLimiting;
using HyperSearch.Data.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using HyperSearch.Web.Accounts.Sso;
using Microsoft.AspNetCore.Identity;

namespace HyperSearch.Web.Accounts;

public static class AccountsRegistration
{
    /// <summary>Login tries per client address per minute (beyond Identity's per-account lockout).</summary>
    public const int LoginsPerMinute = 10;

    /// <summary>
    /// Identity (cookie sign-in for pages), personal access tokens (bearer, for /api only), the
    /// fallback policy "signed in, or no account exists", optional OpenID Connect sign-in, login rate limiting and the loopback guard.
    /// </summary>
    public static IServiceCollection AddHyperSearchAccountsWeb(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddHyperSearchAccounts().AddSignInManager();
        services.AddSingleton<AccountMode>();
        services.AddSingleton(ReadIsolation.From(configuration));
        services.AddScoped<SearchVisibility>();
        services.AddSingleton<ActorResolver>();
        services.AddScoped<ICurrentActor, CircuitActor>();
        services.AddSingleton<ILaunchTeams, LaunchTeams>();
        services.AddSingleton<IAuditTrail, DatabaseAuditTrail>();
        services.AddScoped<StandInPassword>();
        services.AddSingleton<LoopbackGuard>();
        services.AddHostedService(sp => sp.GetRequiredService<LoopbackGuard>());
        services.AddHostedService<TokenUseWriter>();

        const string selector = "HyperSearch";
        var authentication = services.AddAuthentication(o =>
            {
                o.DefaultScheme = selector;
                o.DefaultChallengeScheme = selector;
                o.DefaultForbidScheme = selector;
            })
            // /api is token-only (no cookie: cross-site pages cannot ride a session); pages use the cookie.
            .AddPolicyScheme(selector, null, o => o.ForwardDefaultSelector = context =>
                context.Request.Path.StartsWithSegments("/api") ? ApiTokenHandler.SchemeName : IdentityConstants.ApplicationScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiTokenHandler>(ApiTokenHandler.SchemeName, null);
        authentication.AddIdentityCookies();
        authentication.AddHyperSearchSso(configuration);
        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/account/login";
            o.LogoutPath = "/account/logout";
            o.AccessDeniedPath = "/account/login";
            o.Cookie.Name = "hypersearch.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.SlidingExpiration = true;
            o.ExpireTimeSpan = TimeSpan.FromHours(12);
            o.Events.OnValidatePrincipal = SessionValidator.ValidateAsync;
        });
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().AddRequirements(new SignedInOrOpenModeRequirement()).Build());
        services.AddSingleton<IAuthorizationHandler, SignedInOrOpenModeHandler>();
        services.AddCascadingAuthenticationState();

        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = SignInRateLimitRejection.OnRejectedAsync;
            o.AddPolicy(AccountEndpoints.LoginRateLimit, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = LoginsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
        });
        return services;
    }
}

using System.Net;
using Microsoft.AspNetCore;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace HyperSearch.E2E.Tests.Infrastructure;

/// <summary>
/// A real OpenID Connect provider for the single sign-on tests: OpenIddict's server (authorization
/// code + PKCE, signed ID tokens, its EF Core stores in an SQLite file) on a loopback port over plain
/// HTTP, with one registered client and a login page of its own where the browser names a user.
/// </summary>
public sealed class OidcProvider : IAsyncDisposable
{
    public const string ClientId = "hypersearch";
    public const string ClientSecret = "e2e-client-secret";

    /// <summary>A person at the provider; a refused one gets access_denied (not assigned to the application).</summary>
    public sealed record Person(string Subject, string UserName, string[] Groups, bool Refused = false);

    private readonly WebApplication app;

    public string Authority { get; }

    private OidcProvider(WebApplication app, string authority)
    {
        this.app = app;
        Authority = authority;
    }

    public static async Task<OidcProvider> StartAsync(string redirectUri, IReadOnlyDictionary<string, Person> people)
    {
        var authority = $"http://127.0.0.1:{WebAppProcess.FreePort()}/";
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(authority);
        builder.Logging.ClearProviders();
        var database = Path.Combine(Directory.CreateTempSubdirectory("hypersearch-oidc-").FullName, "provider.db");
        builder.Services.AddDbContext<ProviderDb>(o => o.UseSqlite($"Data Source={database}").UseOpenIddict());
        builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(o =>
            {
                o.LoginPath = "/login";
                o.Cookie.Name = "provider.session";
            });
        builder.Services.AddOpenIddict()
            .AddCore(o => o.UseEntityFrameworkCore().UseDbContext<ProviderDb>())
            .AddServer(o =>
            {
                o.SetIssuer(new Uri(authority));
                o.SetAuthorizationEndpointUris("connect/authorize").SetTokenEndpointUris("connect/token");
                o.AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange();
                o.RegisterScopes(Scopes.Profile, Scopes.Email);
                o.AddEphemeralEncryptionKey().AddEphemeralSigningKey();
                o.UseAspNetCore().EnableAuthorizationEndpointPassthrough().DisableTransportSecurityRequirement();
            });

        var app = builder.Build();
        app.UseAuthentication();
        app.MapGet("/login", (string? returnUrl) => Results.Content($"""
            <!doctype html><title>Test provider</title>
            <form method="post" action="/login"><input type="hidden" name="returnUrl" value="{WebUtility.HtmlEncode(returnUrl)}">
            <label>User <input id="provider-user" name="user"></label><button id="provider-sign-in">Sign in</button></form>
            """, "text/html"));
        app.MapPost("/login", async (HttpContext http) =>
        {
            var form = await http.Request.ReadFormAsync();
            var user = form["user"].ToString();
            if (!people.ContainsKey(user)) return Results.Redirect("/login?returnUrl=" + Uri.EscapeDataString(form["returnUrl"].ToString()));
            var session = new ClaimsIdentity([new Claim(ClaimTypes.Name, user)], CookieAuthenticationDefaults.AuthenticationScheme);
            await http.SignInAsync(new ClaimsPrincipal(session));
            var back = form["returnUrl"].ToString();
            return Results.Redirect(back.StartsWith('/') ? back : "/");
        });
        app.MapMethods("/connect/authorize", [HttpMethods.Get, HttpMethods.Post], async (HttpContext http) =>
        {
            var request = http.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("not an OpenID Connect request");
            var session = await http.AuthenticateAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            if (!session.Succeeded)
            {
                return Results.Challenge(new AuthenticationProperties { RedirectUri = http.Request.Path + http.Request.QueryString },
                    [CookieAuthenticationDefaults.AuthenticationScheme]);
            }

            var person = people[session.Principal!.Identity!.Name!];
            if (person.Refused)
            {
                return Results.Forbid(new AuthenticationProperties(new Dictionary<string, string?>
                {
                    [OpenIddictServerAspNetCoreConstants.Properties.Error] = Errors.AccessDenied,
                    [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = "The user is not assigned to this application.",
                }), [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
            }

            var identity = new ClaimsIdentity(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, Claims.Name, Claims.Role);
            identity.SetClaim(Claims.Subject, person.Subject).SetClaim(Claims.Name, person.UserName).SetClaim(Claims.PreferredUsername, person.UserName);
            identity.SetClaims("groups", [.. person.Groups]);
            identity.SetScopes(request.GetScopes());
            identity.SetDestinations(_ => [Destinations.AccessToken, Destinations.IdentityToken]);
            return Results.SignIn(new ClaimsPrincipal(identity), null, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        });

        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<ProviderDb>().Database.EnsureCreatedAsync();
            await scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>().CreateAsync(new OpenIddictApplicationDescriptor
            {
                ClientId = ClientId,
                ClientSecret = ClientSecret,
                ClientType = ClientTypes.Confidential,
                RedirectUris = { new Uri(redirectUri) },
                Permissions =
                {
                    Permissions.Endpoints.Authorization, Permissions.Endpoints.Token, Permissions.GrantTypes.AuthorizationCode,
                    Permissions.ResponseTypes.Code, Permissions.Scopes.Profile, Permissions.Scopes.Email,
                },
                Requirements = { Requirements.Features.ProofKeyForCodeExchange },
            });
        }

        await app.StartAsync();
        return new OidcProvider(app, authority);
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }

    private sealed class ProviderDb(DbContextOptions<ProviderDb> options) : DbContext(options);
}

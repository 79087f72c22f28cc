using System.Security.Claims;
using System.Text.Encodings.Web;
using HyperSearch.Data.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace HyperSearch.Web.Accounts;

/// <summary>
/// <c>Authorization: Bearer hs_…</c> on the JSON API: a personal access token (docs/teams.md). The
/// API accepts nothing else — no cookie — so a page on another site cannot call it with the
/// browser's session. A bad or expired token gets 401 with the reason in WWW-Authenticate.
/// </summary>
public sealed class ApiTokenHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, ApiTokens tokens)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiToken";
    public const string ScopeClaim = "hypersearch:scope";
    private const string FailureKey = "hypersearch:token-failure";

    /// <summary>True when the request carries a bearer token (the place where token-authenticated
    /// requests can be told apart, e.g. to exempt them from a browser Origin check).</summary>
    public static bool HasBearerToken(HttpRequest request) =>
        request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase);

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!HasBearerToken(Request)) return AuthenticateResult.NoResult();
        var token = Request.Headers.Authorization.ToString()["Bearer ".Length..].Trim();
        var check = await tokens.CheckAsync(token, Context.RequestAborted);
        switch (check.Result)
        {
            case TokenCheckResult.Valid:
                var identity = new ClaimsIdentity(
                    [new Claim(ClaimTypes.NameIdentifier, check.UserId!), new Claim(ScopeClaim, check.Scope.ToString())], SchemeName);
                return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
            case TokenCheckResult.Expired:
                Context.Items[FailureKey] = "the token has expired";
                return AuthenticateResult.Fail("expired token");
            default:
                Context.Items[FailureKey] = "unknown token";
                return AuthenticateResult.Fail("unknown token");
        }
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        var reason = Context.Items[FailureKey] as string;
        Response.Headers.WWWAuthenticate = reason is null
            ? "Bearer realm=\"hypersearch\""
            : $"Bearer realm=\"hypersearch\", error=\"invalid_token\", error_description=\"{reason}\"";
        return Task.CompletedTask;
    }
}

using HyperSearch.Core.Access;

namespace HyperSearch.Web.Accounts.Sso;

/// <summary>
/// Optional OpenID Connect sign-in (`HyperSearch:Sso` in appsettings.json, docs/teams.md). Off while
/// <see cref="Authority"/> is empty.
/// </summary>
public sealed class SsoOptions
{
    public const string Section = "HyperSearch:Sso";

    /// <summary>The authentication scheme, and the provider name of the external logins it links (AspNetUserLogins).</summary>
    public const string SchemeName = "oidc";

    /// <summary>The provider's issuer URL (its discovery document is under /.well-known/openid-configuration).</summary>
    public string Authority { get; set; } = "";

    public string ClientId { get; set; } = "";

    /// <summary>Empty for a public client (PKCE alone).</summary>
    public string ClientSecret { get; set; } = "";

    /// <summary>The login page's button reads "Sign in with {DisplayName}".</summary>
    public string DisplayName { get; set; } = "single sign-on";

    /// <summary>The ID token claim whose values are team names (one claim per team, or a JSON array).</summary>
    public string TeamsClaim { get; set; } = "groups";

    /// <summary>The role given in a team the claim names, when the account is not in that team yet.</summary>
    public TeamRole Role { get; set; } = TeamRole.Member;

    /// <summary>Whether a team named by the claim that does not exist here is created (else it is ignored).</summary>
    public bool CreateUnknownTeams { get; set; }

    /// <summary>
    /// Whether the claim is the whole truth: at each SSO sign-in the account also leaves every team the
    /// claim no longer names (also teams an admin added it to by hand). Off: the claim only adds.
    /// </summary>
    public bool RemoveUnlistedTeams { get; set; }

    /// <summary>Space-separated scopes to ask for (add e.g. `groups` when the provider adds the claim only then).</summary>
    public string Scopes { get; set; } = "openid profile email";

    /// <summary>Off only for a provider on plain HTTP on this machine (tests, a local Keycloak).</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    public bool Enabled => !string.IsNullOrWhiteSpace(Authority);
}

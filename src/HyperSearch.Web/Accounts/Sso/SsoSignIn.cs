using System.Security.Claims;
using System.Text;
using System.Text.Json;
using HyperSearch.Data.Accounts;
using HyperSearch.Data.Entities;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace HyperSearch.Web.Accounts.Sso;

/// <summary>
/// Turns a provider's verified answer (the external cookie's principal) into the app's own sign-in:
/// the account linked to (provider, subject) in AspNetUserLogins, or a new one linked so; never an
/// account found by e-mail or name. Then the teams claim is applied and the app's cookie is issued,
/// so roles, tokens and the circuit's actor work as for a password sign-in.
/// </summary>
public sealed class SsoSignIn(UserManager<UserEntity> users, SignInManager<UserEntity> signIn, TeamDirectory teams, IOptions<SsoOptions> options,
    ILogger<SsoSignIn> logger)
{
    /// <summary>Null when signed in, else the login page's error code.</summary>
    public async Task<string?> SignInAsync(ClaimsPrincipal external)
    {
        if (external.FindFirstValue("sub") is not { Length: > 0 } subject) return "sso";
        var user = await users.FindByLoginAsync(SsoOptions.SchemeName, subject) ?? await CreateAsync(external, subject);
        if (user is null) return "sso";
        if (await users.IsLockedOutAsync(user)) return "locked";

        var sso = options.Value;
        var sync = await teams.JoinTeamsAsync(user.Id, TeamNames(external, sso.TeamsClaim), sso.Role, sso.CreateUnknownTeams, sso.RemoveUnlistedTeams);
        logger.LogInformation("Single sign-on of {User} (subject {Subject}): joined [{Joined}], created [{Created}], ignored unknown [{Ignored}], left [{Left}]",
            user.UserName, subject, string.Join(", ", sync.Joined), string.Join(", ", sync.Created), string.Join(", ", sync.Ignored), string.Join(", ", sync.Left));
        await signIn.SignInAsync(user, isPersistent: false, authenticationMethod: SsoOptions.SchemeName);
        return null;
    }

    private async Task<UserEntity?> CreateAsync(ClaimsPrincipal external, string subject)
    {
        var baseName = UserNameOf(external);
        for (var n = 1; n <= 50; n++)
        {
            var name = n == 1 ? baseName : $"{baseName}-{n}";
            if (await users.FindByNameAsync(name) is not null) continue; // a different person: names are not identities
            var user = new UserEntity { UserName = name };
            var created = await users.CreateAsync(user); // no password: this account signs in through the provider only
            if (!created.Succeeded) continue;
            var linked = await users.AddLoginAsync(user, new UserLoginInfo(SsoOptions.SchemeName, subject, options.Value.DisplayName));
            if (linked.Succeeded)
            {
                logger.LogInformation("Single sign-on created the account {User} for subject {Subject}", name, subject);
                return user;
            }
            // Another sign-in of the same person linked an account meanwhile: use that one.
            await users.DeleteAsync(user);
            return await users.FindByLoginAsync(SsoOptions.SchemeName, subject);
        }
        logger.LogWarning("Single sign-on could not name an account for subject {Subject} ({Name}…)", subject, baseName);
        return null;
    }

    /// <summary>preferred_username, else name, else the e-mail's local part, in the characters Identity allows.</summary>
    public static string UserNameOf(ClaimsPrincipal external)
    {
        var raw = new[] { "preferred_username", "name", "email" }.Select(external.FindFirstValue).FirstOrDefault(v => !string.IsNullOrWhiteSpace(v)) ?? "sso-user";
        if (raw.Contains('@') && raw == external.FindFirstValue("email")) raw = raw[..raw.IndexOf('@')];
        var name = new StringBuilder();
        foreach (var c in raw.Trim()) name.Append(char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_' or '@' ? c : '-');
        var clean = name.ToString().Trim('-');
        return clean.Length == 0 ? "sso-user" : clean[..Math.Min(clean.Length, 64)];
    }

    /// <summary>The claim's values: one claim per team, or one claim holding a JSON array.</summary>
    public static IReadOnlyList<string> TeamNames(ClaimsPrincipal external, string claimType) =>
        external.FindAll(claimType).SelectMany(c => c.Value.StartsWith('[') ? ParseArray(c.Value) : [c.Value]).ToList();

    private static IEnumerable<string> ParseArray(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<string[]>(json) ?? [];
        }
        catch (JsonException)
        {
            return [json];
        }
    }
}

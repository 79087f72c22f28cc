using HyperSearch.Core.Access;
using HyperSearch.Data.Accounts;
using Microsoft.Extensions.DependencyInjection;

namespace HyperSearch.Web.Tests.Accounts;

/// <summary>Team and token names are shown to others (Teams, Queue, Profile, audit log): no bidirectional or control characters.</summary>
public sealed class NameTextTests(AccountsFactory factory) : IClassFixture<AccountsFactory>
{
    [Fact]
    public async Task CreateTeam_NameWithRightToLeftOverride_RefusedNamingTheField()
    {
        var (id, error) = await factory.Services.GetRequiredService<TeamDirectory>().CreateTeamAsync("vision\u202Etxt.exe");

        Assert.Null(id);
        Assert.StartsWith("name: must not contain a bidirectional control character (U+202E)", error);
    }

    [Fact]
    public async Task CreateToken_NameWithControlCharacter_RefusedNamingTheField()
    {
        await factory.SeedAsync();

        var (token, error) = await factory.Services.GetRequiredService<ApiTokens>().CreateAsync(await factory.UserIdAsync("ann"), "ci\u001b[2J", TokenScope.Read, 30);

        Assert.Null(token);
        Assert.StartsWith("name: must not contain a control or line-break character (U+001B)", error);
    }
}

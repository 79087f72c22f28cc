using HyperSearch.Core.Access;
using HyperSearch.Data.Accounts;
using HyperSearch.Web.Accounts;
using Microsoft.AspNetCore.Components;

namespace HyperSearch.Web.Components.Account;

/// <summary>Who I am, my teams, and my personal access tokens (created here, shown once).</summary>
public partial class Profile
{
    [Inject] public required ICurrentActor Actors { get; init; }
    [Inject] public required ApiTokens Tokens { get; init; }
    [Inject] public required TeamDirectory Teams { get; init; }

    private Actor? actor;
    private string teamText = "";
    private IReadOnlyList<ApiTokenInfo> tokens = [];
    private string tokenName = "";
    private TokenScope tokenScope = TokenScope.Read;
    private int tokenDays = 90;
    private string? newToken;
    private string? tokenError;

    protected override async Task OnInitializedAsync()
    {
        actor = await Actors.GetAsync();
        if (actor.UserId.Length == 0) return;
        var names = (await Teams.ListAsync()).ToDictionary(t => t.Id, t => t.Name);
        teamText = string.Join(", ", actor.Teams.Select(t => $"{names.GetValueOrDefault(t.Key, "?")} ({t.Value.ToString().ToLowerInvariant()})"));
        tokens = await Tokens.ListAsync(actor.UserId);
    }

    private async Task CreateTokenAsync()
    {
        // The circuit's own user, read again: the token is always theirs.
        var me = await Actors.GetAsync();
        if (me.UserId.Length == 0) return;
        var (token, error) = await Tokens.CreateAsync(me.UserId, tokenName, tokenScope, tokenDays);
        newToken = token;
        tokenError = error;
        tokens = await Tokens.ListAsync(me.UserId);
    }

    private async Task RevokeAsync(long id)
    {
        var me = await Actors.GetAsync();
        await Tokens.RevokeAsync(me.UserId, id);
        tokens = await Tokens.ListAsync(me.UserId);
    }
}

using HyperSearch.Core.Access;
using Microsoft.AspNetCore.Components.Authorization;

namespace HyperSearch.Web.Accounts;

/// <summary>The signed-in user of a Blazor circuit as an <see cref="Actor"/> (read fresh per call: roles can change while a page is open).</summary>
public sealed class CircuitActor(AuthenticationStateProvider authentication, ActorResolver resolver) : ICurrentActor
{
    /// <summary>An actor that may do nothing when the circuit's user is unknown (never more than that).</summary>
    public static readonly Actor Nobody = new("", "", false, new Dictionary<long, TeamRole>(), CanWrite: false);

    public async Task<Actor> GetAsync()
    {
        var state = await authentication.GetAuthenticationStateAsync();
        return await resolver.ResolveAsync(state.User) ?? Nobody;
    }
}

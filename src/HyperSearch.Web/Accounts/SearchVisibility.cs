using HyperSearch.Core.Access;
using HyperSearch.Core.Searches;

namespace HyperSearch.Web.Accounts;

/// <summary>
/// What the circuit's user may see (read isolation, docs/teams.md), for pages that have no actor of
/// their own at hand: the teams to list, and a search only when it may be shown. Read fresh per call,
/// like every other rule: a user removed from a team stops seeing it at the next load.
/// </summary>
public sealed class SearchVisibility(ICurrentActor actors, ITrialStore store)
{
    /// <summary>The teams whose searches to list; null: every team's.</summary>
    public async Task<IReadOnlyCollection<long>?> TeamsAsync() => SearchPermissions.ReadableTeams(await actors.GetAsync());

    /// <summary>The search when the user may see it; null when it does not exist or belongs to another team (the same to the user).</summary>
    public async Task<SearchDetail?> SearchAsync(long searchId) =>
        await store.GetSearchAsync(searchId) is { } search && SearchPermissions.CanRead(await actors.GetAsync(), search.Summary.TeamId) ? search : null;
}

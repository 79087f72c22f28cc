using HyperSearch.Core.Access;
using HyperSearch.Core.Searches;
using HyperSearch.Web.Accounts;

namespace HyperSearch.Web.Api;

/// <summary>
/// The API's authorisation: 401 without a user; 404 without the search — or when read isolation hides
/// it (another team's search answers exactly as a missing one); 403 when a command's rule says no.
/// </summary>
public sealed class ApiAccess(ActorResolver actors, ITrialStore store)
{
    public async Task<(Actor? Actor, IResult? Denied)> ActorAsync(HttpContext http, CancellationToken ct) =>
        await actors.ResolveAsync(http.User, ct) is { } actor ? (actor, null) : (null, Results.Unauthorized());

    /// <summary>The search when the caller may read it (its trials, metrics, exports, checkpoints), else the refusal.</summary>
    public async Task<(SearchDetail? Search, IResult? Denied)> ReadableAsync(HttpContext http, long searchId, CancellationToken ct)
    {
        var (actor, denied) = await ActorAsync(http, ct);
        if (actor is null) return (null, denied);
        return await VisibleAsync(actor, searchId, ct) is { } search ? (search, null) : (null, Results.NotFound());
    }

    /// <summary>The actor when allowed, else the refusal.</summary>
    public async Task<(Actor? Allowed, IResult? Denied)> SearchAsync(HttpContext http, long searchId, Func<Actor, SearchSummary, bool> rule, CancellationToken ct)
    {
        var (actor, denied) = await ActorAsync(http, ct);
        if (actor is null) return (null, denied);
        if (await VisibleAsync(actor, searchId, ct) is not { } search) return (null, Results.NotFound());
        return rule(actor, search.Summary)
            ? (actor, null)
            : (null, Forbidden(actor, $"you may not change searches of team '{search.Summary.TeamName}' that are not yours"));
    }

    private async Task<SearchDetail?> VisibleAsync(Actor actor, long searchId, CancellationToken ct) =>
        await store.GetSearchAsync(searchId, ct) is { } search && SearchPermissions.CanRead(actor, search.Summary.TeamId) ? search : null;

    public static IResult Forbidden(Actor actor, string reason) => Results.Problem(statusCode: StatusCodes.Status403Forbidden,
        title: actor.CanWrite ? $"Forbidden: {reason}." : "Forbidden: this token is read-only.");

    public static bool Manage(Actor actor, SearchSummary s) => SearchPermissions.CanManage(actor, s.TeamId, s.LaunchedByUserId);

    public static bool Annotate(Actor actor, SearchSummary s) => SearchPermissions.CanAnnotate(actor, s.TeamId);

    public static bool Prioritise(Actor actor, SearchSummary s) => SearchPermissions.CanSetPriority(actor, s.TeamId);
}

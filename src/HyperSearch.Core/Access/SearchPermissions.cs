namespace HyperSearch.Core.Access;

/// <summary>
/// The rules of who may do what to a team's searches (docs/teams.md): admins everything; leads
/// manage every search of their team and its priorities; members launch and manage their own;
/// viewers only look; nobody outside a team changes its work — and, with read isolation (the
/// default), nobody outside a team sees it either. Any write needs a request that may write (not a
/// read-only token).
/// </summary>
public static class SearchPermissions
{
    /// <summary>See the search, its trials, curves, exports and checkpoints.</summary>
    public static bool CanRead(Actor actor, long teamId) =>
        actor.IsAdmin || actor.ReadsEveryTeam || actor.Teams.ContainsKey(teamId);

    /// <summary>The teams whose searches the actor reads; null when every team's.</summary>
    public static IReadOnlyCollection<long>? ReadableTeams(Actor actor) =>
        actor.IsAdmin || actor.ReadsEveryTeam ? null : [.. actor.Teams.Keys];

    public static bool CanLaunch(Actor actor, long teamId) =>
        actor.CanWrite && (actor.IsAdmin || actor.RoleIn(teamId) >= TeamRole.Member);

    /// <summary>Whether the actor may launch (or clone into) some team: what shows the Clone buttons.</summary>
    public static bool CanLaunchSomewhere(Actor actor) =>
        actor.CanWrite && (actor.IsAdmin || actor.Teams.Values.Any(role => role >= TeamRole.Member));

    /// <summary>Pause, resume, cancel the search or one of its trials, clone it.</summary>
    public static bool CanManage(Actor actor, long teamId, string? launchedByUserId) =>
        actor.CanWrite && (actor.IsAdmin || actor.RoleIn(teamId) switch
        {
            TeamRole.Lead => true,
            TeamRole.Member => launchedByUserId is { Length: > 0 } && launchedByUserId == actor.UserId,
            _ => false,
        });

    /// <summary>Notes and tags on a search or its trials: any member of its team (they are the team's notebook), and admins.</summary>
    public static bool CanAnnotate(Actor actor, long teamId) => CanLaunch(actor, teamId);

    public static bool CanSetPriority(Actor actor, long teamId) =>
        actor.CanWrite && (actor.IsAdmin || actor.RoleIn(teamId) == TeamRole.Lead);

    /// <summary>Teams, members, weights and quotas.</summary>
    public static bool CanAdminister(Actor actor) => actor.CanWrite && actor.IsAdmin;
}

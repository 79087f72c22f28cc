using HyperSearch.Core.Access;
using HyperSearch.Core.Searches;
using HyperSearch.Data.Accounts;

namespace HyperSearch.Web.Accounts;

/// <summary>
/// Which team a new search belongs to and who launched it, for the API and the launch form alike:
/// the team named in the spec, else the launcher's first team where they may launch. The owner is
/// always the signed-in account, never the document's text.
/// </summary>
public sealed class LaunchTeams(TeamDirectory teams) : ILaunchTeams
{
    public async Task<(SearchSpec? Spec, string? Field, string? Problem)> AssignAsync(Actor actor, SearchSpec spec, CancellationToken ct = default)
    {
        long teamId;
        var teamName = spec.Team;
        if (teamName is not null)
        {
            if (await teams.TeamIdAsync(teamName, ct) is not { } id) return (null, "team", $"no team named '{teamName}'");
            teamId = id;
        }
        else if (actor.Teams.Where(t => t.Value >= TeamRole.Member).OrderBy(t => t.Key).Select(t => (long?)t.Key).FirstOrDefault() is { } first)
        {
            teamId = first;
        }
        else if (actor.IsAdmin)
        {
            teamId = DefaultTeam.Id;
        }
        else
        {
            return (null, null, "you are not a member or lead of any team, so you cannot launch searches");
        }
        if (!SearchPermissions.CanLaunch(actor, teamId))
            return (null, null, $"you may not launch searches in team '{teamName ?? teamId.ToString(System.Globalization.CultureInfo.InvariantCulture)}'");
        return (spec with { TeamId = teamId, LaunchedByUserId = actor.UserId.Length == 0 ? null : actor.UserId, Owner = actor.Name }, null, null);
    }

    /// <summary>Names of the teams the actor may launch in (the launch form's choices).</summary>
    public async Task<IReadOnlyList<string>> LaunchableAsync(Actor actor, CancellationToken ct = default) =>
        (await teams.ListAsync(ct)).Where(t => SearchPermissions.CanLaunch(actor, t.Id)).Select(t => t.Name).ToList();
}

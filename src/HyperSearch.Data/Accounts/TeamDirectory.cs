using HyperSearch.Core.Access;
using HyperSearch.Core.FairShare;
using HyperSearch.Core.Validation;
using HyperSearch.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace HyperSearch.Data.Accounts;

/// <summary>Teams, their members and roles, and the <see cref="Actor"/> of an account.</summary>
public sealed class TeamDirectory(IDbContextFactory<HyperSearchDbContext> factory, TimeProvider time)
{
    public const int MaxNameLength = 100;

    public async Task<bool> AnyAccountAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await db.Users.AnyAsync(cancellationToken);
    }

    /// <summary>
    /// Null when the account does not exist (deleted since the cookie or token was issued), or when
    /// <paramref name="securityStamp"/> is given and is not the account's any more (it signed out since
    /// the cookie was issued: a circuit opened before that may do nothing).
    /// </summary>
    public async Task<Actor?> ActorAsync(string userId, bool canWrite, string? securityStamp = null, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var user = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => new { u.Id, u.UserName, u.IsAdmin, u.SecurityStamp }).SingleOrDefaultAsync(cancellationToken);
        if (user is null || (securityStamp is not null && securityStamp != user.SecurityStamp)) return null;
        var teams = await db.TeamMembers.AsNoTracking().Where(m => m.UserId == userId).ToDictionaryAsync(m => m.TeamId, m => m.Role, cancellationToken);
        return new Actor(user.Id, user.UserName ?? user.Id, user.IsAdmin, teams, canWrite);
    }

    public async Task<IReadOnlyList<TeamInfo>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var teams = await db.Teams.AsNoTracking().OrderBy(t => t.Name).ToListAsync(cancellationToken);
        var members = await (from m in db.TeamMembers.AsNoTracking()
                             join u in db.Users.AsNoTracking() on m.UserId equals u.Id
                             select new { m.TeamId, m.UserId, u.UserName, m.Role }).ToListAsync(cancellationToken);
        var byTeam = members.ToLookup(m => m.TeamId);
        return teams.Select(t => new TeamInfo(t.Id, t.Name,
            byTeam[t.Id].OrderBy(m => m.UserName).Select(m => new TeamMemberInfo(m.UserId, m.UserName ?? m.UserId, m.Role)).ToList(),
            new TeamQuota(t.Weight, t.CpuSlots, t.CudaSlots))).ToList();
    }

    public async Task<long?> TeamIdAsync(string name, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await db.Teams.Where(t => t.Name == name).Select(t => (long?)t.Id).SingleOrDefaultAsync(cancellationToken);
    }

    /// <summary>Creates the team; returns an error naming the field when the name is empty, too long or taken.</summary>
    public async Task<(long? Id, string? Error)> CreateTeamAsync(string name, CancellationToken cancellationToken = default)
    {
        name = name.Trim();
        if (name.Length == 0) return (null, "name: must not be empty");
        if (name.Length > MaxNameLength) return (null, $"name: must be at most {MaxNameLength} characters");
        if (DisplayText.Problem(name) is { } problem) return (null, $"name: {problem}");
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        if (await db.Teams.AnyAsync(t => t.Name == name, cancellationToken)) return (null, $"name: a team named '{name}' exists");
        var team = new TeamEntity { Name = name, CreatedAt = time.GetUtcNow() };
        db.Teams.Add(team);
        await db.SaveChangesAsync(cancellationToken);
        return (team.Id, null);
    }

    /// <summary>Adds the account to the team, or changes its role there.</summary>
    public async Task<string?> SetMemberAsync(string teamName, string userName, TeamRole role, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var teamId = await db.Teams.Where(t => t.Name == teamName).Select(t => (long?)t.Id).SingleOrDefaultAsync(cancellationToken);
        if (teamId is null) return $"team: no team named '{teamName}'";
        var normalized = userName.Trim().ToUpperInvariant();
        var userId = await db.Users.Where(u => u.NormalizedUserName == normalized).Select(u => u.Id).SingleOrDefaultAsync(cancellationToken);
        if (userId is null) return $"user: no account named '{userName}'";
        var member = await db.TeamMembers.SingleOrDefaultAsync(m => m.TeamId == teamId && m.UserId == userId, cancellationToken);
        if (member is null) db.TeamMembers.Add(new TeamMemberEntity { TeamId = teamId.Value, UserId = userId, Role = role });
        else member.Role = role;
        await db.SaveChangesAsync(cancellationToken);
        return null;
    }

    /// <summary>Sets the team's weight and caps (docs/teams.md, "Fair shares"); every problem named by its field, nothing written then.</summary>
    public async Task<IReadOnlyList<string>> SetQuotaAsync(string teamName, TeamQuota quota, CancellationToken cancellationToken = default)
    {
        var errors = quota.Validate().Select(e => e.ToString()).ToList();
        if (errors.Count > 0) return errors;
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var updated = await db.Teams.Where(t => t.Name == teamName.Trim()).ExecuteUpdateAsync(u => u
            .SetProperty(t => t.Weight, quota.Weight)
            .SetProperty(t => t.CpuSlots, quota.CpuSlots)
            .SetProperty(t => t.CudaSlots, quota.CudaSlots), cancellationToken);
        return updated == 0 ? [$"team: no team named '{teamName}'"] : [];
    }

    public async Task<bool> RemoveMemberAsync(long teamId, string userId, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await db.TeamMembers.Where(m => m.TeamId == teamId && m.UserId == userId).ExecuteDeleteAsync(cancellationToken) > 0;
    }

    /// <summary>
    /// Single sign-on's team mapping: puts the account into each named team it is not in yet with
    /// <paramref name="role"/> (a role it already has there stays, higher or lower); a name with no
    /// team here is created when <paramref name="createUnknown"/>, else ignored; with
    /// <paramref name="removeUnlisted"/> the account also leaves every team not named.
    /// </summary>
    public async Task<TeamSync> JoinTeamsAsync(string userId, IReadOnlyCollection<string> teamNames, TeamRole role, bool createUnknown, bool removeUnlisted,
        CancellationToken cancellationToken = default)
    {
        var names = teamNames.Select(n => n.Trim()).Where(n => n.Length is > 0 and <= MaxNameLength && DisplayText.Problem(n) is null).Distinct(StringComparer.Ordinal).ToList();
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var existing = await db.Teams.Where(t => names.Contains(t.Name)).ToDictionaryAsync(t => t.Name, t => t.Id, cancellationToken);
        var created = new List<string>();
        var ignored = new List<string>();
        foreach (var name in names.Where(n => !existing.ContainsKey(n)))
        {
            if (!createUnknown)
            {
                ignored.Add(name);
                continue;
            }
            var team = new TeamEntity { Name = name, CreatedAt = time.GetUtcNow() };
            db.Teams.Add(team);
            await db.SaveChangesAsync(cancellationToken);
            existing[name] = team.Id;
            created.Add(name);
        }

        var memberOf = await db.TeamMembers.Where(m => m.UserId == userId).ToListAsync(cancellationToken);
        var joined = existing.Where(t => memberOf.All(m => m.TeamId != t.Value)).ToList();
        db.TeamMembers.AddRange(joined.Select(t => new TeamMemberEntity { TeamId = t.Value, UserId = userId, Role = role }));
        var leave = removeUnlisted ? memberOf.Where(m => !existing.ContainsValue(m.TeamId)).ToList() : [];
        db.TeamMembers.RemoveRange(leave);
        await db.SaveChangesAsync(cancellationToken);
        var left = leave.Count == 0 ? [] : await db.Teams.Where(t => leave.Select(m => m.TeamId).Contains(t.Id)).Select(t => t.Name).ToListAsync(cancellationToken);
        return new TeamSync(joined.Select(t => t.Key).ToList(), created, ignored, left);
    }
}

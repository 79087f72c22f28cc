namespace HyperSearch.Core.Access;

/// <summary>
/// Who asks, as every authorisation decision sees it: the user, whether they are an admin, their
/// role in each team (by team id), whether this request may write (a read-only token may not) and
/// whether they read every team's searches although in none of them (the server's read isolation is
/// off; docs/teams.md). Unless set, an actor reads only its own teams' searches (admins: all).
/// </summary>
public sealed record Actor(string UserId, string Name, bool IsAdmin, IReadOnlyDictionary<long, TeamRole> Teams, bool CanWrite = true, bool ReadsEveryTeam = false)
{
    /// <summary>
    /// The caller when no account exists yet: the server then only listens on loopback (safe by
    /// default), so whoever reaches it is the machine's own user and may do everything.
    /// </summary>
    public static Actor LocalOpenMode { get; } = new("", "local", IsAdmin: true, new Dictionary<long, TeamRole>());

    public TeamRole? RoleIn(long teamId) => Teams.TryGetValue(teamId, out var role) ? role : null;
}

namespace HyperSearch.Core.Access;

/// <summary>
/// Who asks, as every authorisation decision sees it: the user, whether they are an admin, their
/// role in each team (by team id) and whether this request may write (a read-only token may not).
/// </summary>
public sealed record Actor(string UserId, string Name, bool IsAdmin, IReadOnlyDictionary<long, TeamRole> Teams, bool CanWrite = true)
{
    /// <summary>
    /// The caller when no account exists yet: the server then only listens on loopback (safe by
    /// default), so whoever reaches it is the machine's own user and may do everything.
    /// </summary>
    public static Actor LocalOpenMode { get; } = new("", "local", IsAdmin: true, new Dictionary<long, TeamRole>());

    public TeamRole? RoleIn(long teamId) => Teams.TryGetValue(teamId, out var role) ? role : null;
}

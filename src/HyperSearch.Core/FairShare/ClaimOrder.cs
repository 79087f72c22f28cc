namespace HyperSearch.Core.FairShare;

/// <summary>
/// The one claim order (docs/queue.md): search priority (highest first) → team fair share (the
/// team's running slots of the claiming slot's device kind divided by its weight, lowest first) →
/// search fair share (fewest running)
/// → age → id. The claim, the ask and the Queue page all sort with it; a team at its cap for the
/// claiming slot's device kind is skipped by <see cref="For{T}"/>.
/// </summary>
public static class ClaimOrder
{
    /// <summary>In claim order for a slot of <paramref name="kind"/> (null: shares count every kind).</summary>
    public static IEnumerable<T> Sort<T>(IEnumerable<T> items, Func<T, ClaimKey> key, TeamLoad load, string? kind) =>
        items.Select(item => (Item: item, Key: key(item)))
            .OrderByDescending(x => x.Key.Priority)
            .ThenBy(x => load.Share(x.Key.TeamId, kind))
            .ThenBy(x => x.Key.SearchRunning)
            .ThenBy(x => x.Key.Since)
            .ThenBy(x => x.Key.Id)
            .Select(x => x.Item);

    /// <summary>In claim order, without the items whose team is at its cap for <paramref name="kind"/> (null: caps not applied).</summary>
    public static IEnumerable<T> For<T>(IEnumerable<T> items, Func<T, ClaimKey> key, TeamLoad load, string? kind) =>
        Sort(items, key, load, kind).Where(item => kind is null || !load.AtCap(key(item).TeamId, kind));

    /// <summary>
    /// Whether another team's search (its priority and team) goes before <paramref name="mine"/> on the
    /// keys that are about teams, for a slot of <paramref name="kind"/>: a higher priority, or the same
    /// priority and a lower team share of that kind.
    /// </summary>
    public static bool TeamAhead(int priority, long teamId, ClaimKey mine, TeamLoad load, string kind) =>
        teamId != mine.TeamId && (priority > mine.Priority || (priority == mine.Priority && load.Share(teamId, kind) < load.Share(mine.TeamId, kind)));
}

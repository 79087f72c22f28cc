namespace HyperSearch.Core.FairShare;

/// <summary>
/// What the fair share decides on: every team's quota and its running slots per device kind, read
/// in one go by the store. A team missing from <paramref name="quotas"/> has <see cref="TeamQuota.Default"/>.
/// </summary>
public sealed class TeamLoad(IReadOnlyDictionary<long, TeamQuota> quotas, IReadOnlyDictionary<(long TeamId, string Kind), int> running)
{
    public TeamQuota QuotaOf(long teamId) => quotas.GetValueOrDefault(teamId) ?? TeamQuota.Default;

    public int Running(long teamId, string kind) => running.GetValueOrDefault((teamId, kind));

    public int Running(long teamId) => running.Where(r => r.Key.TeamId == teamId).Sum(r => r.Value);

    /// <summary>Busy slots of one kind, all teams together.</summary>
    public int Busy(string kind) => running.Where(r => r.Key.Kind == kind).Sum(r => r.Value);

    /// <summary>
    /// The team's running slots of <paramref name="kind"/> divided by its weight: lower is served
    /// first. Per kind, so a team busy on CPU slots loses no claim on a freeing GPU (and the reverse);
    /// null (no particular slot, e.g. a Queue page with workers of several kinds) counts all kinds.
    /// </summary>
    public double Share(long teamId, string? kind) =>
        (double)(kind is null ? Running(teamId) : Running(teamId, kind)) / QuotaOf(teamId).Weight;

    /// <summary>The team may not start anything more on a slot of this kind.</summary>
    public bool AtCap(long teamId, string kind) => QuotaOf(teamId).CapFor(kind) is { } cap && Running(teamId, kind) >= cap;

    /// <summary>
    /// The slots of one kind the team should hold now: its weight's part of the busy slots, among
    /// the teams that have work (running or waiting), and no more than its cap.
    /// </summary>
    public double Allowed(long teamId, string kind, IReadOnlyCollection<long> teamsWithWork)
    {
        var weights = teamsWithWork.Append(teamId).Distinct().Sum(t => QuotaOf(t).Weight);
        var share = (double)Busy(kind) * QuotaOf(teamId).Weight / weights;
        return QuotaOf(teamId).CapFor(kind) is { } cap ? Math.Min(cap, share) : share;
    }
}

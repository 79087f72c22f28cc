using HyperSearch.Core.FairShare;
using HyperSearch.Core.Trials;
using Microsoft.EntityFrameworkCore;

namespace HyperSearch.Data.Store;

/// <summary>
/// Reads every team's quota and its running slots per device kind for the claim order, in one query:
/// every start reads it while it holds the cluster-wide start lock (<see cref="WriteTransaction.LockStartsAsync"/>),
/// where each round trip is time every other slot of the cluster waits (docs/benchmarks.md, "Queue at cluster scale").
/// </summary>
internal static class TeamLoadReader
{
    public static async Task<TeamLoad> ReadAsync(HyperSearchDbContext db, CancellationToken cancellationToken) =>
        (await ReadWithTeamCountAsync(db, cancellationToken)).Load;

    /// <summary>The load and the number of teams (a single team has no other team to yield to).</summary>
    public static async Task<(TeamLoad Load, int Teams)> ReadWithTeamCountAsync(HyperSearchDbContext db, CancellationToken cancellationToken)
    {
        var running = from t in db.Trials
                      join s in db.Searches on t.SearchId equals s.Id
                      where t.State == TrialState.Running
                      group t by new { s.TeamId, t.Device } into g
                      select new { g.Key.TeamId, g.Key.Device, Count = g.Count() };
        // A team without running trials comes back once, with no device and no count.
        var rows = await (from team in db.Teams.AsNoTracking()
                          join r in running on team.Id equals r.TeamId into teamRunning
                          from r in teamRunning.DefaultIfEmpty()
                          select new { team.Id, team.Weight, team.CpuSlots, team.CudaSlots, r.Device, Count = (int?)r.Count })
            .ToListAsync(cancellationToken);
        var quotas = rows.GroupBy(r => r.Id).ToDictionary(g => g.Key, g => new TeamQuota(g.First().Weight, g.First().CpuSlots, g.First().CudaSlots));
        var byKind = rows.Where(r => r.Count > 0)
            .GroupBy(r => (TeamId: r.Id, Kind: DeviceKind.Of(r.Device ?? DeviceKind.Cpu)))
            .ToDictionary(g => g.Key, g => g.Sum(r => r.Count!.Value));
        return (new TeamLoad(quotas, byKind), quotas.Count);
    }
}

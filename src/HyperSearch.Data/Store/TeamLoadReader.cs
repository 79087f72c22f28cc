using HyperSearch.Core.FairShare;
using HyperSearch.Core.Trials;
using Microsoft.EntityFrameworkCore;

namespace HyperSearch.Data.Store;

/// <summary>Reads every team's quota and its running slots per device kind (two small queries) for the claim order.</summary>
internal static class TeamLoadReader
{
    public static async Task<TeamLoad> ReadAsync(HyperSearchDbContext db, CancellationToken cancellationToken)
    {
        var quotas = await db.Teams.AsNoTracking()
            .Select(t => new { t.Id, t.Weight, t.CpuSlots, t.CudaSlots })
            .ToDictionaryAsync(t => t.Id, t => new TeamQuota(t.Weight, t.CpuSlots, t.CudaSlots), cancellationToken);
        var running = await (from t in db.Trials
                             join s in db.Searches on t.SearchId equals s.Id
                             where t.State == TrialState.Running
                             group t by new { s.TeamId, t.Device } into g
                             select new { g.Key.TeamId, g.Key.Device, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var byKind = running
            .GroupBy(r => (r.TeamId, Kind: DeviceKind.Of(r.Device ?? DeviceKind.Cpu)))
            .ToDictionary(g => g.Key, g => g.Sum(r => r.Count));
        return new TeamLoad(quotas, byKind);
    }
}

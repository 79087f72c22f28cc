using System.Text.Json;
using HyperSearch.Core.FairShare;
using HyperSearch.Core.Json;
using HyperSearch.Core.Searches;
using HyperSearch.Core.Trials;
using Microsoft.EntityFrameworkCore;

namespace HyperSearch.Data.Store;

/// <summary>
/// The queue page's data: every slot of every recent worker with what runs there, queued trials and
/// waiting searches in the order a claim would take them (<see cref="ClaimOrder"/>, as the claim)
/// with why each waits, and each team's current and allowed share of the devices.
/// </summary>
internal static class QueueViewBuilder
{
    private const int MaxQueued = 1000;

    public static async Task<QueueSnapshot> BuildAsync(HyperSearchDbContext db, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken)
    {
        // Workers that stopped or went silent a while ago are history, not part of the queue (a stopped one
        // leaves at once). A worker cut off from a locked SQLite file is alive if its beacon says so.
        var beacons = SqliteFile.PathOf(db) is { } path ? WorkerBeacons.ReadAll(path) : new Dictionary<string, WorkerBeacon>();
        var signalled = beacons.Keys.ToList();
        var recent = now - 2 * lease;
        var workers = await db.Workers.AsNoTracking().Where(w => w.StoppedAt == null && (w.HeartbeatAt >= recent || signalled.Contains(w.Id)))
            .OrderBy(w => w.StartedAt).ToListAsync(cancellationToken);
        var running = await (from t in db.Trials
                             join s in db.Searches on t.SearchId equals s.Id
                             where t.State == TrialState.Running
                             select new
                             {
                                 t.Id, t.SearchId, s.Name, s.TeamId, t.Number, t.WorkerId, t.Device, t.Slot, t.EpochsDone, t.StartedAt,
                                 // The pace of this run only: a resumed trial's earlier epochs took no time here.
                                 EpochsThisRun = db.EpochMetrics.Count(e => e.TrialId == t.Id && e.RecordedAt >= t.StartedAt),
                             })
            .ToListAsync(cancellationToken);
        var runningBySearch = running.GroupBy(r => r.SearchId).ToDictionary(g => g.Key, g => g.Count());
        var load = await TeamLoadReader.ReadAsync(db, cancellationToken);
        var teamNames = await db.Teams.AsNoTracking().ToDictionaryAsync(t => t.Id, t => t.Name, cancellationToken);

        var workerViews = workers.Select(w =>
        {
            var devices = JsonSerializer.Deserialize<List<StoredDevice>>(w.DevicesJson, HyperJson.Options) ?? [];
            var beacon = beacons.GetValueOrDefault(w.Id) is { } b && b.At > w.HeartbeatAt ? b : null;
            var slots = devices.SelectMany(d => Enumerable.Range(0, d.Slots).Select(i =>
            {
                var r = running.FirstOrDefault(x => x.WorkerId == w.Id && x.Device == d.Device && x.Slot == i);
                var (problem, since) = beacon is not null
                    ? beacon.BackingOff.FirstOrDefault(h => h.Device == d.Device && h.Slot == i) is { } h ? (h.Problem, (DateTimeOffset?)h.Since) : (null, null)
                    : d.BackingOff?.FirstOrDefault(p => p.Slot == i) is { } p ? (p.Problem, p.Since) : (null, null);
                return new SlotView(d.Device, i, r?.Id, r?.SearchId, r?.Name, r?.Number, r?.EpochsDone, r?.StartedAt, problem, since, r?.EpochsThisRun);
            })).ToList();
            var lastSign = beacon?.At ?? w.HeartbeatAt;
            return new WorkerView(w.Id, w.Host, w.ProcessId, w.StartedAt, w.HeartbeatAt, lastSign >= now - lease, slots, beacon?.Problem, beacon?.Since);
        }).Where(w => w.Alive || w.HeartbeatAt >= recent).OrderByDescending(w => w.Alive).ToList();

        // A team waits for its quota when it is at its cap on every kind a live worker offers.
        var offered = workerViews.Where(w => w.Alive).SelectMany(w => w.Slots).Select(s => DeviceKind.Of(s.Device)).Distinct().ToList();
        if (offered.Count == 0) offered = [.. DeviceKind.All];
        bool AtQuota(long teamId) => offered.All(kind => load.AtCap(teamId, kind));
        // Shares are per device kind; with workers of one kind the page shows that kind's exact order,
        // with several it orders by all running slots (a freeing slot of one kind may order differently).
        var orderKind = offered.Count == 1 ? offered[0] : null;

        var queued = await (from t in db.Trials
                            join s in db.Searches on t.SearchId equals s.Id
                            where t.State == TrialState.Queued
                            orderby s.Priority descending, t.QueuedAt, t.Id
                            select new { t.Id, t.SearchId, s.Name, s.Owner, s.TeamId, s.LaunchedByUserId, s.State, s.Priority, s.Parallelism, t.Number, t.Kind, t.Attempt, t.QueuedAt })
            .Take(MaxQueued).ToListAsync(cancellationToken);
        var ordered = ClaimOrder.Sort(queued, q => new ClaimKey(q.Priority, q.TeamId, runningBySearch.GetValueOrDefault(q.SearchId), q.QueuedAt, q.Id), load, orderKind);

        WaitReason? Blocked(SearchState state, long teamId, int searchRunning, int parallelism) =>
            state == SearchState.Paused ? WaitReason.Paused
            : searchRunning >= parallelism ? WaitReason.ParallelismLimit
            : AtQuota(teamId) ? WaitReason.TeamQuota
            : null;

        var views = new List<QueuedTrialView>(queued.Count);
        var claimableAhead = false;
        foreach (var q in ordered)
        {
            var reason = Blocked(q.State, q.TeamId, runningBySearch.GetValueOrDefault(q.SearchId), q.Parallelism)
                         ?? (claimableAhead ? WaitReason.LowerPriority : WaitReason.NoFreeSlot);
            claimableAhead |= reason == WaitReason.NoFreeSlot;
            views.Add(new QueuedTrialView(q.Id, q.SearchId, q.Name, q.Owner, q.TeamId, teamNames.GetValueOrDefault(q.TeamId, "?"), q.LaunchedByUserId,
                q.Number, q.Kind, q.Priority, q.Attempt, views.Count + 1, reason, q.QueuedAt));
        }

        var pending = await db.Searches.AsNoTracking()
            .Where(s => (s.State == SearchState.Running || s.State == SearchState.Paused) && !s.SamplerExhausted)
            .Select(s => new { s.Id, s.Name, s.Owner, s.TeamId, s.LaunchedByUserId, s.Priority, s.Parallelism, s.State, s.Budget, s.CreatedAt,
                Total = db.Trials.Count(t => t.SearchId == s.Id && t.Kind == TrialKind.Search) })
            .Where(x => x.Total < x.Budget)
            .ToListAsync(cancellationToken);
        var pendingViews = ClaimOrder.Sort(pending, p => new ClaimKey(p.Priority, p.TeamId, runningBySearch.GetValueOrDefault(p.Id), p.CreatedAt, p.Id), load, orderKind)
            .Select(p =>
            {
                var r = runningBySearch.GetValueOrDefault(p.Id);
                return new PendingSearchView(p.Id, p.Name, p.Owner, p.TeamId, teamNames.GetValueOrDefault(p.TeamId, "?"), p.LaunchedByUserId,
                    p.Priority, p.Budget - p.Total, r, p.Parallelism,
                    Blocked(p.State, p.TeamId, r, p.Parallelism) ?? (claimableAhead ? WaitReason.LowerPriority : WaitReason.NoFreeSlot));
            }).ToList();

        var teamsWithWork = running.Select(r => r.TeamId).Concat(queued.Select(q => q.TeamId)).Concat(pending.Select(p => p.TeamId)).Distinct().ToList();
        var kinds = offered.Concat(running.Select(r => DeviceKind.Of(r.Device ?? DeviceKind.Cpu))).Distinct().Order().ToList();
        var teams = teamsWithWork
            .Select(id => new TeamShareView(id, teamNames.GetValueOrDefault(id, "?"), load.QuotaOf(id).Weight,
                kinds.Select(k => new DeviceShareView(k, load.Running(id, k), load.Allowed(id, k, teamsWithWork), load.QuotaOf(id).CapFor(k))).ToList()))
            .OrderBy(t => t.Team, StringComparer.Ordinal).ToList();

        return new QueueSnapshot(workerViews, views, pendingViews, teams);
    }
}

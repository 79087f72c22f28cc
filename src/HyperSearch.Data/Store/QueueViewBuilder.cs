using System.Text.Json;
using HyperSearch.Core.Json;
using HyperSearch.Core.Searches;
using HyperSearch.Core.Searches.Queue;
using HyperSearch.Core.Trials;
using Microsoft.EntityFrameworkCore;

namespace HyperSearch.Data.Store;

/// <summary>
/// The queue page's data: every slot of every recent worker with what runs there, and queued
/// trials in the order a claim would take them (same keys as the claim query) with why each waits.
/// </summary>
internal static class QueueViewBuilder
{
    private const int MaxQueued = 1000;

    public static async Task<QueueSnapshot> BuildAsync(HyperSearchDbContext db, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken)
    {
        // Workers that stopped or went silent long ago are history, not part of the queue.
        var recent = now - 10 * lease;
        var workers = await db.Workers.AsNoTracking().Where(w => w.StoppedAt == null && w.HeartbeatAt >= recent)
            .OrderBy(w => w.StartedAt).ToListAsync(cancellationToken);
        var running = await (from t in db.Trials
                             join s in db.Searches on t.SearchId equals s.Id
                             where t.State == TrialState.Running
                             select new { t.Id, t.SearchId, s.Name, s.Owner, t.Number, t.WorkerId, t.Device, t.Slot, t.EpochsDone, t.StartedAt })
            .ToListAsync(cancellationToken);
        var runningBySearch = running.GroupBy(r => r.SearchId).ToDictionary(g => g.Key, g => g.Count());
        var runningByOwner = running.GroupBy(r => r.Owner).ToDictionary(g => g.Key, g => g.Count());

        var workerViews = workers.Select(w =>
        {
            var devices = JsonSerializer.Deserialize<List<StoredDevice>>(w.DevicesJson, HyperJson.Options) ?? [];
            var slots = devices.SelectMany(d => Enumerable.Range(0, d.Slots).Select(i =>
            {
                var r = running.FirstOrDefault(x => x.WorkerId == w.Id && x.Device == d.Device && x.Slot == i);
                var problem = d.BackingOff?.FirstOrDefault(p => p.Slot == i);
                return new SlotView(d.Device, i, r?.Id, r?.SearchId, r?.Name, r?.Number, r?.EpochsDone, r?.StartedAt, problem?.Problem, problem?.Since);
            })).ToList();
            return new WorkerView(w.Id, w.Host, w.ProcessId, w.StartedAt, w.HeartbeatAt, w.HeartbeatAt >= now - lease, slots);
        }).OrderByDescending(w => w.Alive).ToList();

        var queued = await (from t in db.Trials
                            join s in db.Searches on t.SearchId equals s.Id
                            where t.State == TrialState.Queued
                            orderby s.Priority descending, t.QueuedAt, t.Id
                            select new { t.Id, t.SearchId, s.Name, s.Owner, s.State, s.Priority, s.Parallelism, t.Number, t.Kind, t.Attempt, t.QueuedAt })
            .Take(MaxQueued).ToListAsync(cancellationToken);
        var ordered = queued
            .OrderByDescending(q => q.Priority)
            .ThenBy(q => runningByOwner.GetValueOrDefault(q.Owner))
            .ThenBy(q => runningBySearch.GetValueOrDefault(q.SearchId))
            .ThenBy(q => q.QueuedAt).ThenBy(q => q.Id)
            .ToList();

        var views = new List<QueuedTrialView>(ordered.Count);
        var claimableAhead = false;
        foreach (var q in ordered)
        {
            WaitReason reason;
            if (q.State == SearchState.Paused) reason = WaitReason.Paused;
            else if (runningBySearch.GetValueOrDefault(q.SearchId) >= q.Parallelism) reason = WaitReason.ParallelismLimit;
            else if (claimableAhead) reason = WaitReason.LowerPriority;
            else
            {
                reason = WaitReason.NoFreeSlot;
                claimableAhead = true;
            }
            views.Add(new QueuedTrialView(q.Id, q.SearchId, q.Name, q.Owner, q.Number, q.Kind, q.Priority, q.Attempt, views.Count + 1, reason, q.QueuedAt));
        }

        var pending = await db.Searches.AsNoTracking()
            .Where(s => (s.State == SearchState.Running || s.State == SearchState.Paused) && !s.SamplerExhausted)
            .Select(s => new { s.Id, s.Name, s.Owner, s.Priority, s.Parallelism, s.State, s.Budget,
                Total = db.Trials.Count(t => t.SearchId == s.Id && t.Kind == TrialKind.Search) })
            .Where(x => x.Total < x.Budget)
            .OrderByDescending(x => x.Priority).ThenBy(x => x.Id)
            .ToListAsync(cancellationToken);
        var pendingViews = pending.Select(p =>
        {
            var r = runningBySearch.GetValueOrDefault(p.Id);
            var reason = p.State == SearchState.Paused ? WaitReason.Paused
                : r >= p.Parallelism ? WaitReason.ParallelismLimit
                : claimableAhead ? WaitReason.LowerPriority : WaitReason.NoFreeSlot;
            return new PendingSearchView(p.Id, p.Name, p.Owner, p.Priority, p.Budget - p.Total, r, p.Parallelism, reason);
        }).ToList();

        return new QueueSnapshot(workerViews, views, pendingViews);
    }
}

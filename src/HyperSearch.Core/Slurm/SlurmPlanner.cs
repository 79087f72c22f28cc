using HyperSearch.Core.Searches;

namespace HyperSearch.Core.Slurm;

/// <summary>
/// The Slurm executor's decisions, pure: from the queue (what waits for a slot) and the executor's jobs
/// (what squeue says) to how many worker jobs to submit per profile and which to cancel. Slurm itself
/// decides where and when a job runs; this only keeps the number of jobs in line with the waiting work.
/// </summary>
public static class SlurmPlanner
{
    /// <summary>
    /// The trials that could start now if there were slots, per team name: queued trials next in line or
    /// behind others (not paused, not held by their search's parallelism or their team's cap — more workers
    /// would not start those), plus what running searches may still ask their sampler for, each search
    /// capped at its free parallelism.
    /// </summary>
    public static IReadOnlyDictionary<string, int> Demand(QueueSnapshot queue)
    {
        static bool Startable(WaitReason reason) => reason is WaitReason.NoFreeSlot or WaitReason.LowerPriority;
        var asks = queue.PendingAsks.ToDictionary(p => p.SearchId);
        var perSearch = queue.Queued.Where(q => Startable(q.Reason))
            .GroupBy(q => q.SearchId)
            .ToDictionary(g => g.Key, g => (Team: g.First().TeamName, Count: g.Count()));
        foreach (var ask in asks.Values.Where(a => Startable(a.Reason)))
        {
            var queued = perSearch.TryGetValue(ask.SearchId, out var q) ? q.Count : 0;
            perSearch[ask.SearchId] = (ask.TeamName, queued + ask.Remaining);
        }
        var demand = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (searchId, (team, count)) in perSearch)
        {
            var wanted = asks.TryGetValue(searchId, out var ask) ? Math.Min(count, Math.Max(0, ask.Parallelism - ask.Running)) : count;
            if (wanted > 0) demand[team] = demand.GetValueOrDefault(team) + wanted;
        }
        return demand;
    }

    /// <summary>
    /// Per profile: the slots still missing (its demand less the free slots of its jobs' workers and the
    /// slots of its jobs not serving yet — pending, or running but not registered) become jobs, rounded up,
    /// within the profile's cap and the deployment's <paramref name="maxJobs"/> (jobs in any state count).
    /// A profile with no demand cancels its pending jobs and the running jobs whose worker holds no trial
    /// (a cancelled search leaves no job behind); with less demand than its waiting jobs would serve, it
    /// cancels the surplus pending jobs, newest first. Running jobs with work are never cancelled: they end
    /// by themselves when idle (<c>--exit-when-idle</c>).
    /// </summary>
    /// <param name="demand">Trials that could start now, per profile (see <see cref="Demand"/> and the team → profile map).</param>
    /// <param name="workers">The live workers (the Queue page's); a Slurm job's worker is found by its host name.</param>
    public static SlurmPlan Plan(
        IReadOnlyDictionary<string, int> demand,
        IReadOnlyList<SlurmProfileLimits> profiles,
        IReadOnlyList<SlurmJob> jobs,
        IReadOnlyList<WorkerView> workers,
        int maxJobs)
    {
        var workerOf = workers.Where(w => w.Alive)
            .Select(w => (JobId: SlurmWorkerHost.JobId(w.Host), Worker: w))
            .Where(x => x.JobId is not null)
            .GroupBy(x => x.JobId!)
            .ToDictionary(g => g.Key, g => g.First().Worker);
        var submit = new Dictionary<string, int>(StringComparer.Ordinal);
        var cancel = new List<(string, string)>();
        var total = jobs.Count;
        foreach (var profile in profiles)
        {
            var own = jobs.Where(j => j.Profile == profile.Name).ToList();
            var wanted = demand.GetValueOrDefault(profile.Name);
            var freeSlots = 0;
            var coming = new List<SlurmJob>();
            var idle = new List<SlurmJob>();
            foreach (var job in own)
            {
                if (workerOf.TryGetValue(job.JobId, out var worker))
                {
                    var free = worker.Slots.Count(s => s.TrialId is null);
                    freeSlots += free;
                    if (free == worker.Slots.Count) idle.Add(job);
                }
                else if (job.IsPending || job.State is "RUNNING" or "CONFIGURING")
                    coming.Add(job);
            }
            if (wanted == 0)
            {
                cancel.AddRange(own.Where(j => j.IsPending).Select(j => (j.JobId, "no trial waits for it")));
                cancel.AddRange(idle.Select(j => (j.JobId, "its worker is idle and no trial waits")));
                continue;
            }
            var missing = wanted - freeSlots - coming.Count * profile.SlotsPerJob;
            if (missing > 0)
            {
                var jobsWanted = (missing + profile.SlotsPerJob - 1) / profile.SlotsPerJob;
                var room = Math.Min(profile.MaxJobs - own.Count, maxJobs - total);
                var count = Math.Min(jobsWanted, room);
                if (count > 0)
                {
                    submit[profile.Name] = count;
                    total += count;
                }
                continue;
            }
            // Surplus: pending jobs whose slots the demand no longer needs, newest (highest id) first.
            var surplusJobs = -missing / profile.SlotsPerJob;
            cancel.AddRange(coming.Where(j => j.IsPending)
                .OrderByDescending(j => j.JobId.Length).ThenByDescending(j => j.JobId, StringComparer.Ordinal)
                .Take(surplusJobs)
                .Select(j => (j.JobId, "more jobs wait than trials")));
        }
        return new SlurmPlan(submit, cancel);
    }
}

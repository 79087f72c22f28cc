using System.Text.Json;
using HyperSearch.Core.Configuration;
using HyperSearch.Core.FairShare;
using HyperSearch.Core.Json;
using HyperSearch.Core.Pruning;
using HyperSearch.Core.Sampling;
using HyperSearch.Core.Searches;
using HyperSearch.Core.Searches.Queue;
using HyperSearch.Core.Training;
using HyperSearch.Core.Trials;
using HyperSearch.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace HyperSearch.Data.Store;

/// <summary>The shared queue on EF Core; one code path for SQLite and PostgreSQL except the locks in <see cref="WriteTransaction"/>.</summary>
internal sealed class WorkQueue(IDbContextFactory<HyperSearchDbContext> factory, QueueSettings settings, TimeProvider time) : IWorkQueue
{
    public async Task<string> RegisterWorkerAsync(WorkerRegistration registration, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var now = time.GetUtcNow();
        var worker = new WorkerEntity
        {
            Id = $"{registration.Host}-{registration.ProcessId}-{Guid.NewGuid().ToString("N")[..8]}",
            Host = registration.Host,
            ProcessId = registration.ProcessId,
            DevicesJson = JsonSerializer.Serialize(registration.Devices, HyperJson.Options),
            StartedAt = now,
            HeartbeatAt = now,
        };
        await using var tx = await WriteTransaction.BeginAsync(db, cancellationToken);
        db.Workers.Add(worker);
        await db.SaveChangesAsync(cancellationToken);
        await tx.CommitAsync(cancellationToken);
        return worker.Id;
    }

    public async Task UnregisterWorkerAsync(string workerId, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        await using var tx = await WriteTransaction.BeginAsync(db, cancellationToken);
        var now = time.GetUtcNow();
        await db.Workers.Where(w => w.Id == workerId).ExecuteUpdateAsync(u => u.SetProperty(w => w.StoppedAt, now), cancellationToken);
        await tx.CommitAsync(cancellationToken);
    }

    public async Task<RetiredWorkers> RetireWorkersAsync(IReadOnlyCollection<string> workerIds, CancellationToken cancellationToken = default)
    {
        var ids = workerIds.ToList();
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var known = await db.Workers.Where(w => ids.Contains(w.Id)).Select(w => w.Id).ToListAsync(cancellationToken);
        if (known.Count == 0) return new RetiredWorkers([], []);
        var now = time.GetUtcNow();
        var searches = await db.Trials.Where(t => t.State == TrialState.Running && known.Contains(t.WorkerId!))
            .Select(t => t.SearchId).Distinct().ToListAsync(cancellationToken);
        var trials = new List<long>();
        foreach (var searchId in searches)
            trials.AddRange(await ReapSearchAsync(db, searchId, now, (db, id) => LeaseReaper.ReapWorkersAsync(db, id, known, now, settings.MaxAttempts, cancellationToken), cancellationToken));

        db.ChangeTracker.Clear();
        await using var tx = await WriteTransaction.BeginAsync(db, cancellationToken);
        await db.Workers.Where(w => known.Contains(w.Id) && w.StoppedAt == null)
            .ExecuteUpdateAsync(u => u.SetProperty(w => w.StoppedAt, now), cancellationToken);
        await tx.CommitAsync(cancellationToken);
        return new RetiredWorkers(known, trials);
    }

    public async Task<bool> SignalAliveAsync(string workerId, string problem, DateTimeOffset since, IReadOnlyList<SlotHealth> backingOff, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        if (SqliteFile.PathOf(db) is not { } path) return false;
        WorkerBeacons.Write(path, new WorkerBeacon(workerId, time.GetUtcNow(), problem, since, backingOff));
        return true;
    }

    public async Task<HeartbeatReply> HeartbeatAsync(string workerId, IReadOnlyCollection<LeaseRef> held, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        await using var tx = await WriteTransaction.BeginAsync(db, cancellationToken);
        var now = time.GetUtcNow();
        // Read before it is overwritten: how long this worker was out of contact decides what an expired lease means.
        var previous = await db.Workers.Where(w => w.Id == workerId).Select(w => (DateTimeOffset?)w.HeartbeatAt).SingleOrDefaultAsync(cancellationToken);
        await db.Workers.Where(w => w.Id == workerId).ExecuteUpdateAsync(u => u.SetProperty(w => w.HeartbeatAt, now), cancellationToken);

        var ids = held.Select(l => l.TrialId).ToList();
        var trials = await db.Trials.Where(t => ids.Contains(t.Id)).ToDictionaryAsync(t => t.Id, cancellationToken);
        var cancel = new List<long>();
        var lost = new List<long>();
        var renewed = new List<long>();
        foreach (var lease in held)
        {
            if (!trials.TryGetValue(lease.TrialId, out var trial) || !Holds(trial, lease))
            {
                lost.Add(lease.TrialId);
                continue;
            }
            trial.LeaseExpiresAt = now + settings.Lease;
            renewed.Add(trial.Id);
            if (trial.CancelRequested) cancel.Add(trial.Id);
        }
        await db.SaveChangesAsync(cancellationToken);
        await tx.CommitAsync(cancellationToken);
        if (SqliteFile.PathOf(db) is { } path) WorkerBeacons.Clear(path, workerId);

        // An unknown worker (its row gone) has no past to judge by: it extends, the safe side.
        if (previous is null || LeaseRules.ReaperWasCutOff(previous.Value, now, settings.Lease))
            return new HeartbeatReply(cancel, lost, await ExtendExpiredLeasesAsync(cancellationToken));
        await ReapAsync(renewed, cancellationToken);
        return new HeartbeatReply(cancel, lost);
    }

    /// <summary>
    /// After an outage (<see cref="LeaseRules"/>): every expired lease gets one more lease from now, so
    /// that live holders, cut off like this worker, can renew theirs before anyone reaps them.
    /// </summary>
    private async Task<int> ExtendExpiredLeasesAsync(CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var now = time.GetUtcNow();
        var until = now + settings.Lease;
        var searches = await db.Trials.Where(t => t.State == TrialState.Running && t.LeaseExpiresAt < now)
            .Select(t => t.SearchId).Distinct().ToListAsync(cancellationToken);
        var extended = 0;
        // One search at a time, its row locked first, as every writer does: a reaper elsewhere takes the same trial rows.
        foreach (var searchId in searches)
        {
            await using var tx = await WriteTransaction.BeginAsync(db, cancellationToken);
            await WriteTransaction.LockSearchAsync(db, searchId, cancellationToken);
            extended += await db.Trials.Where(t => t.SearchId == searchId && t.State == TrialState.Running && t.LeaseExpiresAt < now)
                .ExecuteUpdateAsync(u => u.SetProperty(t => t.LeaseExpiresAt, until), cancellationToken);
            await tx.CommitAsync(cancellationToken);
        }
        return extended;
    }

    /// <summary>Re-queues or fails trials whose lease expired, except <paramref name="held"/>, one search at a time (search row locked first).</summary>
    private async Task ReapAsync(IReadOnlyCollection<long> held, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var now = time.GetUtcNow();
        var searches = await db.Trials.Where(t => t.State == TrialState.Running && t.LeaseExpiresAt < now && !held.Contains(t.Id))
            .Select(t => t.SearchId).Distinct().ToListAsync(cancellationToken);
        foreach (var searchId in searches)
            await ReapSearchAsync(db, searchId, now, (db, id) => LeaseReaper.ReapExpiredAsync(db, id, held, now, settings.MaxAttempts, cancellationToken), cancellationToken);
    }

    /// <summary>One search's reap in its own transaction, the search row locked first; its lifecycle advances when a trial ended.</summary>
    private static async Task<IReadOnlyList<long>> ReapSearchAsync(HyperSearchDbContext db, long searchId, DateTimeOffset now,
        Func<HyperSearchDbContext, long, Task<ReapedTrials>> reap, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        await using var tx = await WriteTransaction.BeginAsync(db, cancellationToken);
        var search = await WriteTransaction.LockAndLoadSearchAsync(db, searchId, cancellationToken);
        if (search is null) return [];
        var reaped = await reap(db, searchId);
        if (reaped.Failed) await SearchLifecycle.PauseIfMisconfiguredAsync(db, search, now, cancellationToken);
        if (reaped.Ended) await SearchLifecycle.AdvanceAsync(db, search, now, cancellationToken);
        await tx.CommitAsync(cancellationToken);
        return reaped.Trials;
    }

    public async Task<ClaimedTrial?> ClaimQueuedAsync(SlotRef slot, CancellationToken cancellationToken = default)
    {
        var kind = DeviceKind.Of(slot.Device);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        // A plain read first: with nothing claimable (every ask starts here) no write lock or
        // transaction is taken at all. A trial queued just after this read waits for the next look.
        if (await NextQueuedAsync(db, kind, cancellationToken) is null) return null;
        await using var tx = await WriteTransaction.BeginAsync(db, cancellationToken);
        await WriteTransaction.LockStartsAsync(db, cancellationToken);
        // Under the lock the teams' running slots are exact: the order and the caps hold.
        var next = await NextQueuedAsync(db, kind, cancellationToken);
        if (next is null) return null;
        var search = await WriteTransaction.LockAndLoadSearchOfTrialAsync(db, next.TrialId, cancellationToken);
        // Under the search lock: the trial may have been taken, or the search reached its parallelism, meanwhile.
        if (search is null || !await WriteTransaction.LockQueuedTrialAsync(db, next.TrialId, cancellationToken)) return null;
        if (search.State is not (SearchState.Running or SearchState.Evaluating)) return null;
        var running = await db.Trials.CountAsync(t => t.SearchId == search.Id && t.State == TrialState.Running, cancellationToken);
        if (running >= search.Parallelism) return null;
        var trial = await db.Trials.SingleAsync(t => t.Id == next.TrialId, cancellationToken);

        Start(trial, slot, time.GetUtcNow());
        search.UpdatedAt = trial.UpdatedAt;
        await db.SaveChangesAsync(cancellationToken);
        await tx.CommitAsync(cancellationToken);
        return EntityMapper.ToClaimed(trial, search);
    }

    private sealed record QueuedHead(long TrialId, ClaimKey Key);

    /// <summary>
    /// The trial a slot of this kind claims next, by <see cref="ClaimOrder"/>. Only each claimable
    /// search's oldest queued trial competes: every other key of the order belongs to the search.
    /// </summary>
    private static async Task<QueuedHead?> NextQueuedAsync(HyperSearchDbContext db, string kind, CancellationToken cancellationToken)
    {
        var rows = await db.Searches.AsNoTracking()
            .Where(s => s.State == SearchState.Running || s.State == SearchState.Evaluating)
            .Select(s => new
            {
                s.TeamId, s.Priority, s.Parallelism,
                Running = db.Trials.Count(t => t.SearchId == s.Id && t.State == TrialState.Running),
                HeadId = db.Trials.Where(t => t.SearchId == s.Id && t.State == TrialState.Queued)
                    .OrderBy(t => t.QueuedAt).ThenBy(t => t.Id).Select(t => (long?)t.Id).FirstOrDefault(),
                HeadQueuedAt = db.Trials.Where(t => t.SearchId == s.Id && t.State == TrialState.Queued)
                    .OrderBy(t => t.QueuedAt).ThenBy(t => t.Id).Select(t => (DateTimeOffset?)t.QueuedAt).FirstOrDefault(),
            })
            .Where(x => x.HeadId != null && x.Running < x.Parallelism)
            .ToListAsync(cancellationToken);
        if (rows.Count == 0) return null;
        var load = await TeamLoadReader.ReadAsync(db, cancellationToken);
        var heads = rows.Select(r => new QueuedHead(r.HeadId!.Value, new ClaimKey(r.Priority, r.TeamId, r.Running, r.HeadQueuedAt!.Value, r.HeadId.Value)));
        return ClaimOrder.For(heads, h => h.Key, load, kind).FirstOrDefault();
    }

    private sealed class OpenSearch
    {
        public required SearchEntity Search { get; init; }
        public int Total { get; init; }
        public int Running { get; init; }

        public ClaimKey Key => new(Search.Priority, Search.TeamId, Running, Search.CreatedAt, Search.Id);
    }

    /// <summary>Running searches with budget and free parallelism: those that may ask for a trial.</summary>
    private static IQueryable<OpenSearch> OpenForAsk(HyperSearchDbContext db) => db.Searches
        .Where(s => s.State == SearchState.Running && !s.SamplerExhausted)
        .Select(s => new OpenSearch
        {
            Search = s,
            Total = db.Trials.Count(t => t.SearchId == s.Id && t.Kind == TrialKind.Search),
            Running = db.Trials.Count(t => t.SearchId == s.Id && t.State == TrialState.Running),
        })
        .Where(x => x.Total < x.Search.Budget && x.Running < x.Search.Parallelism);

    public async Task<IReadOnlyList<AskCandidate>> GetAskCandidatesAsync(int max, string? deviceKind = null, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var open = await OpenForAsk(db).AsNoTracking().ToListAsync(cancellationToken);
        if (open.Count == 0) return [];
        var load = await TeamLoadReader.ReadAsync(db, cancellationToken);
        var candidates = ClaimOrder.For(open, c => c.Key, load, deviceKind).Take(max).ToList();

        var result = new List<AskCandidate>(candidates.Count);
        foreach (var c in candidates)
        {
            var history = await db.Trials.AsNoTracking()
                .Where(t => t.SearchId == c.Search.Id && t.Kind == TrialKind.Search)
                .OrderBy(t => t.Number)
                .Select(t => new { t.Id, t.Number, t.ConfigJson, t.State, t.BestValue })
                .ToListAsync(cancellationToken);
            var snapshots = history.Select(t => new TrialSnapshot(t.Number, EntityMapper.Config(t.ConfigJson), t.State,
                t.State is TrialState.Completed or TrialState.Pruned ? t.BestValue : null, t.Id)).ToList();
            result.Add(new AskCandidate(c.Search.Id, c.Total + 1, c.Search.Strategy, c.Search.GridPoints, c.Search.Seed,
                c.Search.Direction, c.Search.SpaceJson, snapshots, c.Search.Epochs));
        }
        return result;
    }

    public async Task<AskResult> InsertAskedTrialAsync(long searchId, int number, TrialConfig config, SlotRef slot,
        IReadOnlyCollection<long>? passedOver = null, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        await using var tx = await WriteTransaction.BeginAsync(db, cancellationToken);
        await WriteTransaction.LockStartsAsync(db, cancellationToken);
        var search = await WriteTransaction.LockAndLoadSearchAsync(db, searchId, cancellationToken);
        if (search is not { State: SearchState.Running, SamplerExhausted: false }) return new AskResult(AskStatus.NotAllowed, null);

        // Budget and parallelism are checked and the trial inserted under one lock: never overshot.
        // Both counts in one round trip (Running includes a running test run, as before).
        var counts = await db.Trials.Where(t => t.SearchId == searchId)
            .GroupBy(t => 1)
            .Select(g => new { Total = g.Count(t => t.Kind == TrialKind.Search), Running = g.Count(t => t.State == TrialState.Running) })
            .SingleOrDefaultAsync(cancellationToken);
        var total = counts?.Total ?? 0;
        var running = counts?.Running ?? 0;
        if (total >= search.Budget) return new AskResult(AskStatus.NotAllowed, null);
        if (total != number - 1) return new AskResult(AskStatus.NumberTaken, null);
        if (running >= search.Parallelism) return new AskResult(AskStatus.NotAllowed, null);
        // The candidates were read without a lock: another slot may have started a trial since, so the
        // cap and the teams' shares are checked again here, where they are exact.
        var kind = DeviceKind.Of(slot.Device);
        var (load, teams) = await TeamLoadReader.ReadWithTeamCountAsync(db, cancellationToken);
        if (load.AtCap(search.TeamId, kind)) return new AskResult(AskStatus.NotAllowed, null);
        // Other teams' open searches, each with two counts: a round trip under the start lock that a
        // deployment of one team (no other team to be behind) does not need.
        if (teams > 1)
        {
            var mine = new ClaimKey(search.Priority, search.TeamId, running, search.CreatedAt, search.Id);
            var others = await OpenForAsk(db).Where(x => x.Search.TeamId != search.TeamId)
                .Select(x => new { x.Search.Id, x.Search.TeamId, x.Search.Priority }).ToListAsync(cancellationToken);
            if (others.Any(o => passedOver?.Contains(o.Id) != true && !load.AtCap(o.TeamId, kind)
                                && ClaimOrder.TeamAhead(o.Priority, o.TeamId, mine, load, kind)))
                return new AskResult(AskStatus.TeamBehind, null);
        }

        var now = time.GetUtcNow();
        var trial = EntityMapper.NewTrial(searchId, TrialKind.Search, number, config, now);
        Start(trial, slot, now);
        db.Trials.Add(trial);
        search.UpdatedAt = now;
        await db.SaveChangesAsync(cancellationToken);
        await tx.CommitAsync(cancellationToken);
        return new AskResult(AskStatus.Claimed, EntityMapper.ToClaimed(trial, search));
    }

    public async Task MarkSamplerExhaustedAsync(long searchId, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        await using var tx = await WriteTransaction.BeginAsync(db, cancellationToken);
        var now = time.GetUtcNow();
        await db.Searches.Where(s => s.Id == searchId)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.SamplerExhausted, true).SetProperty(s => s.UpdatedAt, now), cancellationToken);
        await SearchLifecycle.AdvanceAsync(db, searchId, now, cancellationToken);
        await tx.CommitAsync(cancellationToken);
    }

    public Task FailSearchAsync(long searchId, string error, CancellationToken cancellationToken = default) =>
        SearchCommands.StopSearchAsync(factory, time, searchId, SearchState.Failed, error, cancellationToken);

    public async Task<bool> ReportEpochAsync(LeaseRef lease, EpochReport report, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        await using var tx = await WriteTransaction.BeginAsync(db, cancellationToken);
        var trial = await db.Trials.SingleOrDefaultAsync(t => t.Id == lease.TrialId, cancellationToken);
        if (trial is null || !Holds(trial, lease)) return false;
        var direction = await db.Searches.Where(s => s.Id == trial.SearchId).Select(s => new { s.Direction, s.Objective }).SingleAsync(cancellationToken);

        var now = time.GetUtcNow();
        var sqlite = db.IsSqlite;
        var row = await db.EpochMetrics.SingleOrDefaultAsync(e => e.TrialId == trial.Id && e.Epoch == report.Epoch, cancellationToken);
        if (row is null)
        {
            row = new EpochMetricEntity { TrialId = trial.Id, Epoch = report.Epoch };
            db.EpochMetrics.Add(row);
        }
        row.TrainLoss = EntityMapper.ToStored(report.TrainLoss, sqlite);
        row.ValLoss = EntityMapper.ToStored(report.ValLoss, sqlite);
        row.ValAccuracy = EntityMapper.ToStored(report.ValAccuracy, sqlite);
        row.Lr = EntityMapper.ToStored(report.Lr, sqlite);
        row.ElapsedSeconds = report.ElapsedSeconds;
        row.Attempt = lease.Attempt;
        row.RecordedAt = now;

        var value = direction.Objective == ObjectiveMetric.ValAccuracy ? report.ValAccuracy : report.ValLoss;
        trial.EpochsDone = report.Epoch;
        trial.FinalValue = EntityMapper.ToStored(value, sqlite);
        if (double.IsFinite(value) && (trial.BestValue is not double best || Better(value, best, direction.Direction)))
            trial.BestValue = value;
        trial.LeaseExpiresAt = now + settings.Lease;
        trial.UpdatedAt = now;
        await db.SaveChangesAsync(cancellationToken);
        await tx.CommitAsync(cancellationToken);
        return !trial.CancelRequested;
    }

    public async Task RewindEpochsAsync(LeaseRef lease, int epochsKept, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        await using var tx = await WriteTransaction.BeginAsync(db, cancellationToken);
        var trial = await db.Trials.SingleOrDefaultAsync(t => t.Id == lease.TrialId, cancellationToken);
        if (trial is null || !Holds(trial, lease)) return;
        var search = await db.Searches.Where(s => s.Id == trial.SearchId).Select(s => new { s.Direction, s.Objective }).SingleAsync(cancellationToken);
        await db.EpochMetrics.Where(e => e.TrialId == trial.Id && e.Epoch > epochsKept).ExecuteDeleteAsync(cancellationToken);
        var kept = await db.EpochMetrics.AsNoTracking().Where(e => e.TrialId == trial.Id).OrderBy(e => e.Epoch).ToListAsync(cancellationToken);
        var values = kept.Select(e => EntityMapper.Metric(search.Objective == ObjectiveMetric.ValAccuracy ? e.ValAccuracy : e.ValLoss)).ToList();
        trial.EpochsDone = kept.Count == 0 ? 0 : kept[^1].Epoch;
        trial.FinalValue = values.Count == 0 ? null : EntityMapper.ToStored(values[^1], db.IsSqlite);
        trial.BestValue = null;
        foreach (var value in values.Where(double.IsFinite))
            if (trial.BestValue is not double best || Better(value, best, search.Direction)) trial.BestValue = value;
        trial.UpdatedAt = time.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        await tx.CommitAsync(cancellationToken);
    }

    public async Task<long?> GetBestTrialIdAsync(long searchId, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await db.Searches.Where(s => s.Id == searchId).Select(s => s.BestTrialId).SingleOrDefaultAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<TrialCurve>> GetCurvesAsync(long searchId, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var objective = await db.Searches.Where(s => s.Id == searchId).Select(s => s.Objective).SingleAsync(cancellationToken);
        var trials = await db.Trials.AsNoTracking()
            .Where(t => t.SearchId == searchId && t.Kind == TrialKind.Search)
            .Select(t => new { t.Id, t.Number, t.State }).ToListAsync(cancellationToken);
        var points = await (from e in db.EpochMetrics
                            join t in db.Trials on e.TrialId equals t.Id
                            where t.SearchId == searchId && t.Kind == TrialKind.Search
                            orderby e.TrialId, e.Epoch
                            select new { e.TrialId, e.Epoch, e.ValLoss, e.ValAccuracy }).ToListAsync(cancellationToken);
        var byTrial = points.ToLookup(p => p.TrialId);
        return trials.Select(t => new TrialCurve(t.Number, t.State,
            byTrial[t.Id].Select(p => EntityMapper.Metric(objective == ObjectiveMetric.ValAccuracy ? p.ValAccuracy : p.ValLoss)).ToList())).ToList();
    }

    public async Task<bool> FinishTrialAsync(LeaseRef lease, TrialResult result, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        await using var tx = await WriteTransaction.BeginAsync(db, cancellationToken);
        var search = await WriteTransaction.LockAndLoadSearchOfTrialAsync(db, lease.TrialId, cancellationToken);
        if (search is null) return false;
        var trial = await db.Trials.SingleAsync(t => t.Id == lease.TrialId, cancellationToken);
        if (!Holds(trial, lease)) return false;

        var now = time.GetUtcNow();
        trial.State = result.State;
        trial.Error = result.Error;
        trial.TestLoss = result.TestLoss;
        trial.TestAccuracy = result.TestAccuracy;
        trial.FailureKind = result.State == TrialState.Failed ? result.Kind : null;
        trial.LeaseExpiresAt = null;
        trial.FinishedAt = now;
        trial.UpdatedAt = now;
        // Rows an earlier attempt wrote beyond where this attempt stopped (e.g. it was pruned sooner);
        // a first attempt has no earlier attempt's rows, so it skips the round trip.
        if (lease.Attempt > 1)
            await db.EpochMetrics.Where(e => e.TrialId == trial.Id && e.Epoch > result.EpochsRun && e.Attempt < lease.Attempt)
                .ExecuteDeleteAsync(cancellationToken);
        trial.Diagnosis = await TrialDiagnosis.DiagnoseAsync(db, trial, search, cancellationToken);
        // Saved before advancing: the lifecycle's best/count queries must see this trial's new state.
        await db.SaveChangesAsync(cancellationToken);
        if (result.State == TrialState.Failed) await SearchLifecycle.PauseIfMisconfiguredAsync(db, search, now, cancellationToken);
        await SearchLifecycle.AdvanceAsync(db, search, now, cancellationToken);
        await tx.CommitAsync(cancellationToken);
        return true;
    }

    public async Task ReportSlotHealthAsync(string workerId, IReadOnlyList<SlotHealth> backingOff, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        await using var tx = await WriteTransaction.BeginAsync(db, cancellationToken);
        var worker = await db.Workers.SingleOrDefaultAsync(w => w.Id == workerId, cancellationToken);
        if (worker is null) return;
        var devices = JsonSerializer.Deserialize<List<StoredDevice>>(worker.DevicesJson, HyperJson.Options) ?? [];
        worker.DevicesJson = JsonSerializer.Serialize(StoredDevice.From(devices.Select(d => new DeviceSlots(d.Device, d.Slots)).ToList(), backingOff), HyperJson.Options);
        await db.SaveChangesAsync(cancellationToken);
        await tx.CommitAsync(cancellationToken);
    }

    public async Task ReleaseAsync(LeaseRef lease, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        await using var tx = await WriteTransaction.BeginAsync(db, cancellationToken);
        var trial = await db.Trials.SingleOrDefaultAsync(t => t.Id == lease.TrialId, cancellationToken);
        if (trial is null || !Holds(trial, lease)) return;
        if (trial.CancelRequested)
        {
            await db.SaveChangesAsync(cancellationToken);
            await tx.CommitAsync(cancellationToken);
            await FinishTrialAsync(lease, new TrialResult(TrialState.Cancelled, trial.EpochsDone), cancellationToken);
            return;
        }
        trial.State = TrialState.Queued;
        trial.WorkerId = null;
        trial.Device = null;
        trial.Slot = null;
        trial.LeaseExpiresAt = null;
        trial.UpdatedAt = time.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        await tx.CommitAsync(cancellationToken);
    }

    private void Start(TrialEntity trial, SlotRef slot, DateTimeOffset now)
    {
        trial.State = TrialState.Running;
        trial.WorkerId = slot.WorkerId;
        trial.Device = slot.Device;
        trial.Slot = slot.Slot;
        trial.LeaseExpiresAt = now + settings.Lease;
        trial.StartedAt = now;
        trial.UpdatedAt = now;
    }

    private static bool Holds(TrialEntity trial, LeaseRef lease) =>
        trial.State == TrialState.Running && trial.Attempt == lease.Attempt && trial.WorkerId == lease.WorkerId;

    private static bool Better(double value, double best, ObjectiveDirection direction) =>
        direction == ObjectiveDirection.Minimize ? value < best : value > best;
}

using HyperSearch.Core.Configuration;
using HyperSearch.Core.Pruning;
using HyperSearch.Core.Training;

namespace HyperSearch.Core.Searches.Queue;

/// <summary>
/// The shared queue as a worker sees it. Claims and asks are single transactions; leases are
/// renewed by <see cref="HeartbeatAsync"/> and an expired one re-queues its trial (attempt + 1)
/// or fails it after the configured maximum attempts.
/// </summary>
public interface IWorkQueue
{
    Task<string> RegisterWorkerAsync(WorkerRegistration registration, CancellationToken cancellationToken = default);

    Task UnregisterWorkerAsync(string workerId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Workers known to be dead (a worker restarted on their machine found their process gone): each is
    /// marked stopped and its running trials go back to the queue now (attempt + 1, epochs kept; Failed
    /// after the last attempt), as when their lease expires, without waiting for it. Ids this database
    /// does not know (another database's workers) are ignored; the answer lists the ones it knew.
    /// </summary>
    Task<RetiredWorkers> RetireWorkersAsync(IReadOnlyCollection<string> workerIds, CancellationToken cancellationToken = default);

    /// <summary>
    /// The worker cannot write its heartbeat (the database is locked or unreachable): it leaves a sign of
    /// life, why, and its slots' health where the dashboard can still read them. SQLite: a small file
    /// beside the database file (a locked file is still readable); the next heartbeat that reaches the
    /// database removes it. False where the provider has no such place (PostgreSQL: a dashboard that
    /// cannot reach the server cannot read anything else either).
    /// </summary>
    Task<bool> SignalAliveAsync(string workerId, string problem, DateTimeOffset since, IReadOnlyList<SlotHealth> backingOff, CancellationToken cancellationToken = default);

    /// <summary>
    /// Renews the worker's heartbeat and the leases it holds; reaps expired leases of others — or, when this
    /// worker was itself out of contact (<see cref="LeaseRules.ReaperWasCutOff"/>), extends them by a lease.
    /// </summary>
    Task<HeartbeatReply> HeartbeatAsync(string workerId, IReadOnlyCollection<LeaseRef> held, CancellationToken cancellationToken = default);

    /// <summary>
    /// Claims the next queued trial in <see cref="FairShare.ClaimOrder"/> (priority, team fair share, search fair
    /// share, age), skipping teams at their cap for the slot's device kind; or null.
    /// </summary>
    Task<ClaimedTrial?> ClaimQueuedAsync(SlotRef slot, CancellationToken cancellationToken = default);

    /// <summary>
    /// Running searches with budget and free parallelism, in <see cref="FairShare.ClaimOrder"/>, without those whose
    /// team is at its cap for <paramref name="deviceKind"/> (the asking slot's kind; null: caps not applied).
    /// </summary>
    Task<IReadOnlyList<AskCandidate>> GetAskCandidatesAsync(int max, string? deviceKind = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Inserts trial <paramref name="number"/> as Running on <paramref name="slot"/> if the budget, parallelism and the
    /// team's cap for the slot's device kind still allow, and no other team's open search is now ahead of it in the
    /// claim order (<see cref="AskStatus.TeamBehind"/>); <paramref name="passedOver"/>: searches this slot could not
    /// sample for (e.g. PBT waiting), which do not count as ahead.
    /// </summary>
    Task<AskResult> InsertAskedTrialAsync(long searchId, int number, TrialConfig config, SlotRef slot,
        IReadOnlyCollection<long>? passedOver = null, CancellationToken cancellationToken = default);

    /// <summary>The sampler has no more points (a finished grid): the search completes when its trials finish.</summary>
    Task MarkSamplerExhaustedAsync(long searchId, CancellationToken cancellationToken = default);

    /// <summary>The search cannot go on (e.g. its space cannot be sampled): Failed with the error, its trials stopped.</summary>
    Task FailSearchAsync(long searchId, string error, CancellationToken cancellationToken = default);

    /// <summary>Upserts the epoch row; false = stop (cancelled or lease lost).</summary>
    Task<bool> ReportEpochAsync(LeaseRef lease, EpochReport report, CancellationToken cancellationToken = default);

    /// <summary>
    /// A held trial resumes after <paramref name="epochsKept"/> epochs (its checkpoint; 0 = from scratch):
    /// its stored epochs after that are deleted, to be trained and reported again, and its progress and
    /// best value are recomputed from the ones kept.
    /// </summary>
    Task RewindEpochsAsync(LeaseRef lease, int epochsKept, CancellationToken cancellationToken = default);

    /// <summary>The search's best Completed trial so far (the one whose checkpoint is kept), or null.</summary>
    Task<long?> GetBestTrialIdAsync(long searchId, CancellationToken cancellationToken = default);

    /// <summary>Curves of the search's trials (objective per epoch) for the pruner.</summary>
    Task<IReadOnlyList<TrialCurve>> GetCurvesAsync(long searchId, CancellationToken cancellationToken = default);

    /// <summary>Records the end of a held trial and advances its search's lifecycle. False = lease lost, nothing written.</summary>
    Task<bool> FinishTrialAsync(LeaseRef lease, TrialResult result, CancellationToken cancellationToken = default);

    /// <summary>
    /// Records which of the worker's slots are backing off from the database and why (empty = all
    /// healthy), for the Queue page. Sent by the heartbeat loop when the list changes.
    /// </summary>
    Task ReportSlotHealthAsync(string workerId, IReadOnlyList<SlotHealth> backingOff, CancellationToken cancellationToken = default);

    /// <summary>Gives a held trial back to the queue without using an attempt (graceful worker shutdown).</summary>
    Task ReleaseAsync(LeaseRef lease, CancellationToken cancellationToken = default);
}

using HyperSearch.Core.Configuration;
using HyperSearch.Core.Pruning;
using HyperSearch.Core.Sampling;
using HyperSearch.Core.Searches;
using HyperSearch.Core.Searches.Queue;
using HyperSearch.Core.Training;

namespace HyperSearch.Worker.Tests;

/// <summary>
/// An in-memory queue for the scheduler's ask path: nothing queued, one running search whose
/// inserts answer NumberTaken a scripted number of times, then claim. Records how many asks
/// (candidates → insert) overlapped; other queue calls are not used by the scheduler.
/// </summary>
internal sealed class ScriptedAskQueue(int numberTakenFirst, TimeSpan insertDelay) : IWorkQueue
{
    private readonly object _lock = new();
    private int _remainingTaken = numberTakenFirst;
    private int _nextNumber = 1;
    private int _open;

    public int MaxOverlappingAsks { get; private set; }
    public int Inserts { get; private set; }

    public Task<ClaimedTrial?> ClaimQueuedAsync(SlotRef slot, CancellationToken cancellationToken = default) =>
        Task.FromResult<ClaimedTrial?>(null);

    public Task<IReadOnlyList<AskCandidate>> GetAskCandidatesAsync(int max, string? deviceKind = null, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            _open++;
            MaxOverlappingAsks = Math.Max(MaxOverlappingAsks, _open);
            IReadOnlyList<AskCandidate> candidates =
                [new AskCandidate(1, _nextNumber, SearchStrategy.Random, 0, 1, ObjectiveDirection.Minimize, "{}", [], 1)];
            return Task.FromResult(candidates);
        }
    }

    public async Task<AskResult> InsertAskedTrialAsync(long searchId, int number, TrialConfig config, SlotRef slot,
        IReadOnlyCollection<long>? passedOver = null, CancellationToken cancellationToken = default)
    {
        await Task.Delay(insertDelay, cancellationToken);
        lock (_lock)
        {
            _open--;
            Inserts++;
            if (_remainingTaken > 0)
            {
                // Another worker took this number meanwhile.
                _remainingTaken--;
                _nextNumber++;
                return new AskResult(AskStatus.NumberTaken, null);
            }
            if (number != _nextNumber) return new AskResult(AskStatus.NumberTaken, null);
            _nextNumber++;
            return new AskResult(AskStatus.Claimed, Claimed(searchId, number, config, slot));
        }
    }

    private static ClaimedTrial Claimed(long searchId, int number, TrialConfig config, SlotRef slot) => new()
    {
        Lease = new LeaseRef(number, 1, slot.WorkerId),
        SearchId = searchId,
        Number = number,
        Kind = TrialKind.Search,
        Config = config,
        Workload = "sleep",
        Epochs = 1,
        ScheduleUnit = default(ScheduleUnit),
        Seed = 1,
        Objective = ObjectiveMetric.ValLoss,
        Direction = ObjectiveDirection.Minimize,
        Pruner = new PrunerSpec(),
    };

    public Task<string> RegisterWorkerAsync(WorkerRegistration registration, CancellationToken cancellationToken = default) => throw new NotSupportedException();
    public Task UnregisterWorkerAsync(string workerId, CancellationToken cancellationToken = default) => throw new NotSupportedException();
    public Task<RetiredWorkers> RetireWorkersAsync(IReadOnlyCollection<string> workerIds, CancellationToken cancellationToken = default) => throw new NotSupportedException();
    public Task<bool> SignalAliveAsync(string workerId, string problem, DateTimeOffset since, IReadOnlyList<SlotHealth> backingOff, CancellationToken cancellationToken = default) => throw new NotSupportedException();
    public Task<HeartbeatReply> HeartbeatAsync(string workerId, IReadOnlyCollection<LeaseRef> held, CancellationToken cancellationToken = default) => throw new NotSupportedException();
    public Task MarkSamplerExhaustedAsync(long searchId, CancellationToken cancellationToken = default) => throw new NotSupportedException();
    public Task FailSearchAsync(long searchId, string error, CancellationToken cancellationToken = default) => throw new NotSupportedException();
    public Task<bool> ReportEpochAsync(LeaseRef lease, EpochReport report, CancellationToken cancellationToken = default) => throw new NotSupportedException();
    public Task<IReadOnlyList<TrialCurve>> GetCurvesAsync(long searchId, CancellationToken cancellationToken = default) => throw new NotSupportedException();
    public Task RewindEpochsAsync(LeaseRef lease, int epochsKept, CancellationToken cancellationToken = default) => throw new NotSupportedException();
    public Task<long?> GetBestTrialIdAsync(long searchId, CancellationToken cancellationToken = default) => throw new NotSupportedException();
    public Task<bool> FinishTrialAsync(LeaseRef lease, TrialResult result, CancellationToken cancellationToken = default) => throw new NotSupportedException();
    public Task ReportSlotHealthAsync(string workerId, IReadOnlyList<SlotHealth> backingOff, CancellationToken cancellationToken = default) => Task.CompletedTask;

    public Task ReleaseAsync(LeaseRef lease, CancellationToken cancellationToken = default) => throw new NotSupportedException();
}

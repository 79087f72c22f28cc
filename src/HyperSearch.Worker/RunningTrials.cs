using System.Collections.Concurrent;
using HyperSearch.Core.Searches.Queue;

namespace HyperSearch.Worker;

/// <summary>The trials this worker holds (one per busy slot), for heartbeats and stop requests.</summary>
public sealed class RunningTrials(WorkerOptions options)
{
    private readonly ConcurrentDictionary<long, RunningTrial> _trials = new();

    public RunningTrial Add(LeaseRef lease, CancellationToken workerStopping)
    {
        var running = new RunningTrial(lease, workerStopping, options.StopBudget);
        _trials[lease.TrialId] = running;
        return running;
    }

    public void Remove(RunningTrial running)
    {
        _trials.TryRemove(new KeyValuePair<long, RunningTrial>(running.Lease.TrialId, running));
        running.Dispose();
    }

    public IReadOnlyCollection<LeaseRef> Leases => _trials.Values.Select(t => t.Lease).ToList();

    public int Count => _trials.Count;

    /// <summary>Trials a stopping worker could not hand back (the database did not answer within the stop budget).</summary>
    public int Abandoned => Volatile.Read(ref _abandoned);

    public void Abandon() => Interlocked.Increment(ref _abandoned);

    private int _abandoned;

    public void Stop(long trialId, StopReason reason)
    {
        if (_trials.TryGetValue(trialId, out var running)) running.Stop(reason);
    }
}

using HyperSearch.Core.Searches.Queue;

namespace HyperSearch.Worker;

/// <summary>
/// A trial this worker is training: its lease, the token its trainer observes, and the token its
/// closing writes (epochs, finish, hand-back) observe — that one never fires while the worker runs, so
/// the writes wait out a database outage, and fires <see cref="WorkerOptions.StopBudget"/> after the
/// worker began to stop, so a stop never waits longer than that for the database.
/// </summary>
public sealed class RunningTrial : IDisposable
{
    private readonly CancellationTokenSource _cts;
    private readonly CancellationTokenSource _writes = new();
    private readonly CancellationTokenRegistration _onStop;
    private int _reason;

    public RunningTrial(LeaseRef lease, CancellationToken workerStopping, TimeSpan stopBudget)
    {
        Lease = lease;
        _cts = CancellationTokenSource.CreateLinkedTokenSource(workerStopping);
        _onStop = workerStopping.Register(() =>
        {
            Stop(StopReason.Shutdown);
            try { _writes.CancelAfter(stopBudget); } catch (ObjectDisposedException) { }
        });
    }

    public LeaseRef Lease { get; }
    public CancellationToken Token => _cts.Token;
    public CancellationToken WritesToken => _writes.Token;
    public StopReason Reason => (StopReason)Volatile.Read(ref _reason);

    /// <summary>The first reason wins; later ones (e.g. shutdown after a user cancel) do not change it.</summary>
    public void Stop(StopReason reason)
    {
        if (Interlocked.CompareExchange(ref _reason, (int)reason, (int)StopReason.None) != (int)StopReason.None) return;
        try { _cts.Cancel(); } catch (ObjectDisposedException) { }
    }

    public void Dispose()
    {
        _onStop.Dispose();
        _cts.Dispose();
        _writes.Dispose();
    }
}

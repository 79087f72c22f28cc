using HyperSearch.Core.Searches.Queue;

namespace HyperSearch.Worker;

/// <summary>A trial this worker is training: its lease and the token its trainer observes.</summary>
public sealed class RunningTrial : IDisposable
{
    private readonly CancellationTokenSource _cts;
    private int _reason;

    public RunningTrial(LeaseRef lease, CancellationToken workerStopping)
    {
        Lease = lease;
        _cts = CancellationTokenSource.CreateLinkedTokenSource(workerStopping);
        workerStopping.Register(() => Stop(StopReason.Shutdown));
    }

    public LeaseRef Lease { get; }
    public CancellationToken Token => _cts.Token;
    public StopReason Reason => (StopReason)Volatile.Read(ref _reason);

    /// <summary>The first reason wins; later ones (e.g. shutdown after a user cancel) do not change it.</summary>
    public void Stop(StopReason reason)
    {
        if (Interlocked.CompareExchange(ref _reason, (int)reason, (int)StopReason.None) != (int)StopReason.None) return;
        try { _cts.Cancel(); } catch (ObjectDisposedException) { }
    }

    public void Dispose() => _cts.Dispose();
}

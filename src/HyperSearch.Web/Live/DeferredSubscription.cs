namespace HyperSearch.Web.Live;

/// <summary>A page's subscription that joins the feed when its circuit opens (<see cref="CircuitLiveUpdates"/>); disposing it leaves the feed, or never joins.</summary>
internal sealed class DeferredSubscription(Func<IDisposable> join, CircuitLiveUpdates circuit) : IDisposable
{
    private readonly object gate = new();
    private IDisposable? joined;
    private bool disposed;

    public void Activate()
    {
        lock (gate)
        {
            if (disposed || joined is not null) return;
            joined = join();
        }
    }

    public bool Wraps(IDisposable subscription)
    {
        lock (gate) return ReferenceEquals(joined, subscription);
    }

    public void Dispose()
    {
        IDisposable? leaving;
        lock (gate)
        {
            if (disposed) return;
            disposed = true;
            leaving = joined;
        }
        leaving?.Dispose();
        circuit.Forget(this);
    }
}

namespace HyperSearch.Web.Live;

/// <summary>
/// A circuit's (one browser tab's) live subscriptions. Pages subscribe through it; the circuit
/// handler tells it when the connection drops (deliveries pause, changes are kept up to the cap),
/// comes back, or the circuit closes (every subscription is disposed even if a page never was).
/// </summary>
public sealed class CircuitLiveUpdates(ILiveFeed feed) : IDisposable
{
    private readonly List<IDisposable> subscriptions = [];

    public bool Connected { get; internal set; } = true;

    public int Count
    {
        get { lock (subscriptions) return subscriptions.Count; }
    }

    public IDisposable Subscribe(string name, Func<LiveUpdate, Task> onUpdate, TimeSpan? throttle = null)
    {
        var subscription = feed.Subscribe(name, onUpdate, throttle, this);
        lock (subscriptions) subscriptions.Add(subscription);
        return subscription;
    }

    internal void Forget(IDisposable subscription)
    {
        lock (subscriptions) subscriptions.Remove(subscription);
    }

    public void Dispose()
    {
        IDisposable[] all;
        lock (subscriptions) all = [.. subscriptions];
        foreach (var subscription in all) subscription.Dispose();
    }
}

namespace HyperSearch.Web.Live;

/// <summary>
/// A circuit's (one browser tab's) live subscriptions. Pages subscribe through it; the circuit
/// handler tells it when the circuit opens, when the connection drops (deliveries pause, changes are
/// kept up to the cap), comes back, or the circuit closes (every subscription is disposed even if a
/// page never was). A subscription joins the feed only once the circuit is open: a page rendered for
/// a plain GET (prerendering) has no circuit and renders once, so the feed never delivers to it —
/// under 200 concurrent page loads those deliveries re-rendered every slow in-flight page once per
/// tick and multiplied the cost of each (docs/benchmarks.md, "Dashboard under load").
/// </summary>
public sealed class CircuitLiveUpdates(ILiveFeed feed) : IDisposable
{
    private readonly List<DeferredSubscription> subscriptions = [];
    private bool open;

    public bool Connected { get; internal set; } = true;

    public int Count
    {
        get { lock (subscriptions) return subscriptions.Count; }
    }

    /// <summary>The circuit started (<see cref="LiveCircuitHandler"/>): its subscriptions join the feed, and later ones at once.</summary>
    public void Open()
    {
        DeferredSubscription[] waiting;
        lock (subscriptions)
        {
            open = true;
            waiting = [.. subscriptions];
        }
        foreach (var subscription in waiting) subscription.Activate();
    }

    public IDisposable Subscribe(string name, Func<LiveUpdate, Task> onUpdate, TimeSpan? throttle = null)
    {
        var subscription = new DeferredSubscription(() => feed.Subscribe(name, onUpdate, throttle, this), this);
        bool activate;
        lock (subscriptions)
        {
            subscriptions.Add(subscription);
            activate = open;
        }
        if (activate) subscription.Activate();
        return subscription;
    }

    internal void Forget(IDisposable subscription)
    {
        lock (subscriptions) subscriptions.RemoveAll(s => ReferenceEquals(s, subscription) || s.Wraps(subscription));
    }

    public void Dispose()
    {
        DeferredSubscription[] all;
        lock (subscriptions) all = [.. subscriptions];
        foreach (var subscription in all) subscription.Dispose();
    }
}

using HyperSearch.Core.Searches;

namespace HyperSearch.Web.Live;

/// <summary>
/// One subscriber, delivered the Aspire dashboard's way: the feed only <see cref="Offer"/>s (never
/// waits), a delivery runs on its own task, and while one is busy later ticks are dropped — their
/// changes merge into what the next delivery carries, up to a cap past which they are thrown away
/// and the next update says so (<see cref="LiveUpdate.Gap"/>). A delivery stuck past the warning
/// time is logged once per episode, with how many ticks it made this subscriber drop.
/// </summary>
internal sealed class LiveSubscription : IDisposable
{
    private readonly LiveFeed feed;
    private readonly Func<LiveUpdate, Task> onUpdate;
    private readonly TimeSpan throttle;
    private readonly CircuitLiveUpdates? circuit;
    private readonly ILogger logger;
    private readonly object gate = new();
    private ChangeSet? pending;
    private bool gap;
    private bool busy;
    private DateTimeOffset busySince;
    private int droppedTicks;
    private bool warned;
    private DateTimeOffset lastDelivery = DateTimeOffset.MinValue;
    private volatile bool disposed;

    public LiveSubscription(LiveFeed feed, string name, Func<LiveUpdate, Task> onUpdate, TimeSpan throttle, CircuitLiveUpdates? circuit, ILogger logger)
    {
        this.feed = feed;
        Name = name;
        this.onUpdate = onUpdate;
        this.throttle = throttle;
        this.circuit = circuit;
        this.logger = logger;
    }

    public string Name { get; }

    /// <summary>Ticks this subscriber skipped because its previous delivery was still running.</summary>
    public int DroppedTicks { get { lock (gate) return droppedTicks; } }

    /// <summary>The running delivery, if any (tests wait on it).</summary>
    public Task Delivery { get; private set; } = Task.CompletedTask;

    /// <summary>Called by the feed once per tick with that tick's changes (maybe none). Never blocks.</summary>
    public void Offer(ChangeSet changes, LiveSnapshot snapshot, DateTimeOffset now, int maxBufferedEpochs, TimeSpan warnAfter)
    {
        if (disposed) return;
        LiveUpdate update;
        lock (gate)
        {
            if (!ChangeSetMerger.IsEmpty(changes)) pending = pending is null ? changes : ChangeSetMerger.Merge(pending, changes);
            if (pending is not null && pending.Epochs.Count > maxBufferedEpochs)
            {
                // Holding more would let a dead viewer grow the server's memory without bound.
                pending = ChangeSetMerger.Empty(changes.Next);
                gap = true;
            }

            if (busy)
            {
                droppedTicks++;
                if (!warned && now - busySince >= warnAfter)
                {
                    warned = true;
                    logger.LogWarning("Live updates of {Subscriber} are being dropped: its previous delivery has been busy for {Seconds:0.0} s ({Dropped} ticks dropped so far); a slow or vanished browser",
                        Name, (now - busySince).TotalSeconds, droppedTicks);
                }

                return;
            }

            if (circuit is { Connected: false }) return; // kept (bounded) until the browser is back
            if ((pending is null && !gap) || now - lastDelivery < throttle) return;
            update = new LiveUpdate(pending ?? ChangeSetMerger.Empty(changes.Next), snapshot, gap);
            pending = null;
            gap = false;
            busy = true;
            busySince = now;
            lastDelivery = now;
        }

        Delivery = Task.Run(() => DeliverAsync(update));
    }

    private async Task DeliverAsync(LiveUpdate update)
    {
        try
        {
            await onUpdate(update);
        }
        catch (Exception e) when (disposed || e is ObjectDisposedException or OperationCanceledException)
        {
            // The page went away (or its JS call timed out) during the delivery: nothing to report.
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Live update of {Subscriber} failed", Name);
        }
        finally
        {
            lock (gate)
            {
                if (warned)
                {
                    logger.LogInformation("Live updates of {Subscriber} flow again after {Dropped} dropped ticks", Name, droppedTicks);
                }

                busy = false;
                warned = false;
                droppedTicks = 0;
            }
        }
    }

    public void Dispose()
    {
        if (disposed) return;
        disposed = true;
        feed.Remove(this);
        circuit?.Forget(this);
    }
}

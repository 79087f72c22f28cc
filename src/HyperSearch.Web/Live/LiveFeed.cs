using HyperSearch.Core.Searches;
using Microsoft.Extensions.Options;

namespace HyperSearch.Web.Live;

/// <summary>
/// Singleton background reader of the store's change log: one query per interval however many
/// dashboards are open, offered to every subscription (see <see cref="LiveSubscription"/> for why
/// that never waits). The cursor starts at "now", so viewers get what happens after the app
/// started (pages load history themselves).
/// </summary>
public sealed class LiveFeed(
    IServiceScopeFactory scopes,
    IOptions<LiveFeedOptions> options,
    TimeProvider time,
    ILogger<LiveFeed> logger) : BackgroundService, ILiveFeed
{
    private const int MaxPagesPerTick = 4;
    private readonly List<LiveSubscription> subscriptions = [];
    private ChangeCursor? cursor;

    public TimeSpan Interval => TimeSpan.FromMilliseconds(Math.Max(50, options.Value.LiveFeedMilliseconds));

    public IDisposable Subscribe(string name, Func<LiveUpdate, Task> onUpdate, TimeSpan? throttle = null, CircuitLiveUpdates? circuit = null)
    {
        var subscription = new LiveSubscription(this, name, onUpdate, throttle ?? TimeSpan.Zero, circuit, logger);
        lock (subscriptions) subscriptions.Add(subscription);
        return subscription;
    }

    internal IReadOnlyList<LiveSubscription> Subscriptions
    {
        get { lock (subscriptions) return [.. subscriptions]; }
    }

    internal void Remove(LiveSubscription subscription)
    {
        lock (subscriptions) subscriptions.Remove(subscription);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        do
        {
            try
            {
                await PollAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A database hiccup must not end the feed; the next tick tries again.
                logger.LogWarning(e, "live feed poll failed");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>
    /// One tick: read what changed (always, so the cursor stays current) and offer it, with the
    /// tick's shared snapshot, to every subscription. Offering never waits for a subscriber.
    /// </summary>
    public async Task PollAsync(CancellationToken cancellationToken = default)
    {
        using var scope = scopes.CreateScope();
        var store = scope.ServiceProvider.GetRequiredService<ITrialStore>();
        cursor ??= await StartCursorAsync(store, cancellationToken);

        // A truncated read (a burst of epochs) is continued at once, a few pages at most per tick.
        var changes = ChangeSetMerger.Empty(cursor);
        for (var page = 0; page < MaxPagesPerTick; page++)
        {
            var read = await store.GetChangesAsync(cursor, cancellationToken: cancellationToken);
            cursor = read.Next;
            changes = ChangeSetMerger.Merge(changes, read);
            if (!read.Truncated) break;
        }

        var now = time.GetUtcNow();
        var snapshot = new LiveSnapshot(scopes, now);
        var settings = options.Value;
        var warnAfter = TimeSpan.FromMilliseconds(settings.SlowDeliveryWarningMilliseconds);
        foreach (var subscription in Subscriptions)
        {
            subscription.Offer(changes, snapshot, now, settings.MaxBufferedEpochs, warnAfter);
        }
    }

    /// <summary>
    /// The cursor of "now". ITrialStore has no call for the newest epoch id, so we find it by an
    /// exponential then binary search over one-row change reads (a few dozen indexed lookups,
    /// instead of reading the whole epoch table once).
    /// </summary>
    private async Task<ChangeCursor> StartCursorAsync(ITrialStore store, CancellationToken cancellationToken)
    {
        var ticks = time.GetUtcNow().UtcTicks;
        async Task<bool> HasEpochsAfter(long id) =>
            (await store.GetChangesAsync(new ChangeCursor(id, ticks), maxRows: 1, cancellationToken)).Epochs.Count > 0;

        if (!await HasEpochsAfter(0)) return new ChangeCursor(0, ticks);
        long low = 0, high = 1;
        while (await HasEpochsAfter(high))
        {
            low = high;
            high *= 2;
        }

        // Invariant: epochs exist after `low`, none after `high`.
        while (high - low > 1)
        {
            var middle = low + (high - low) / 2;
            if (await HasEpochsAfter(middle)) low = middle; else high = middle;
        }

        return new ChangeCursor(high, ticks);
    }
}

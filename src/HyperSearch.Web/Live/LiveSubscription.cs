using HyperSearch.Core.Searches;

namespace HyperSearch.Web.Live;

/// <summary>One subscriber: buffers change sets and hands them over at most once per throttle.</summary>
internal sealed class LiveSubscription(LiveFeed feed, Func<ChangeSet, Task> onChanges, TimeSpan throttle) : IDisposable
{
    private readonly List<ChangeSet> pending = [];
    private DateTimeOffset lastDelivery = DateTimeOffset.MinValue;

    public void Add(ChangeSet changes)
    {
        lock (pending) pending.Add(changes);
    }

    /// <summary>Delivers what is buffered when the throttle allows; the feed calls this every tick.</summary>
    public async Task DeliverAsync(DateTimeOffset now)
    {
        ChangeSet merged;
        lock (pending)
        {
            if (pending.Count == 0 || now - lastDelivery < throttle) return;
            merged = ChangeSetMerger.Merge(pending);
            pending.Clear();
            lastDelivery = now;
        }

        await onChanges(merged);
    }

    public void Dispose() => feed.Remove(this);
}

using HyperSearch.Core.Searches;
using HyperSearch.Web.Live;
using HyperSearch.Web.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HyperSearch.Web.Tests.Live;

public class LiveFeedTests
{
    private readonly FakeTrialStore store = new();
    private readonly ManualTime time = new();
    private readonly ListLogger<LiveFeed> log = new();
    private readonly LiveFeedOptions settings = new() { SlowDeliveryWarningMilliseconds = 5000, MaxBufferedEpochs = 20_000 };
    private readonly LiveFeed feed;

    public LiveFeedTests()
    {
        store.AddSearch();
        for (var i = 0; i < 7; i++) store.AddTrial(1, 0.1, "constant", 0.5, epochs: 10); // epoch ids 1..70
        var services = new ServiceCollection().AddSingleton<ITrialStore>(store).BuildServiceProvider();
        feed = new LiveFeed(services.GetRequiredService<IServiceScopeFactory>(), Options.Create(settings), time, log);
    }

    private void AddEpoch(long trialId) =>
        store.Epochs.Add(new EpochPoint(store.Epochs.Count + 1, trialId, 99, 1, 1, 0, 0.1, 1, 1));

    /// <summary>One tick, then waits for the deliveries it started (they run on their own tasks).</summary>
    private async Task TickAsync()
    {
        await feed.PollAsync();
        await Task.WhenAll(feed.Subscriptions.Select(s => s.Delivery)).WaitAsync(TimeSpan.FromSeconds(10));
    }

    private IDisposable Collect(List<LiveUpdate> into, TimeSpan? throttle = null) =>
        feed.Subscribe("test", u => { lock (into) into.Add(u); return Task.CompletedTask; }, throttle);

    [Fact]
    public async Task PollAsync_FirstTick_StartsAfterExistingEpochs()
    {
        var received = new List<LiveUpdate>();
        using var subscription = Collect(received);

        await TickAsync();

        Assert.Empty(received); // history is the pages' job; the feed carries only what is new
        AddEpoch(1);
        await TickAsync();
        Assert.Equal([71L], received.Single().Changes.Epochs.Select(e => e.Id));
    }

    [Fact]
    public async Task PollAsync_ManySubscribers_OneStoreReadPerTick()
    {
        await TickAsync();
        var counts = new int[5];
        var subscriptions = Enumerable.Range(0, 5).Select(i => feed.Subscribe($"s{i}", _ => { Interlocked.Increment(ref counts[i]); return Task.CompletedTask; })).ToList();
        var before = store.GetChangesCalls;
        AddEpoch(2);

        await TickAsync();

        Assert.Equal(1, store.GetChangesCalls - before);
        Assert.All(counts, c => Assert.Equal(1, c));
        subscriptions.ForEach(s => s.Dispose());
    }

    [Fact]
    public async Task Snapshot_ManySubscribersReadTheQueue_OneQueueQueryPerTick()
    {
        await TickAsync();
        var subscriptions = Enumerable.Range(0, 10).Select(i => feed.Subscribe($"queue {i}", async u => await u.Snapshot.GetQueueAsync())).ToList();
        var trialQueries = Enumerable.Range(0, 10).Select(i => feed.Subscribe($"search {i}", async u =>
            await u.Snapshot.GetTrialsAsync(new TrialQuery { SearchId = 1, States = [Core.Trials.TrialState.Completed], Take = 25 }))).ToList();
        AddEpoch(3);

        await TickAsync();

        Assert.Equal(1, store.QueueCalls);
        AddEpoch(3);
        await TickAsync();
        Assert.Equal(2, store.QueueCalls); // a new tick reads afresh
        subscriptions.Concat(trialQueries).ToList().ForEach(s => s.Dispose());
    }

    [Fact]
    public async Task PollAsync_WithinThrottle_BuffersThenDeliversMerged()
    {
        await TickAsync();
        var received = new List<LiveUpdate>();
        using var subscription = Collect(received, TimeSpan.FromSeconds(5));
        AddEpoch(1);
        await TickAsync();
        Assert.Single(received);

        AddEpoch(2);
        time.Now += TimeSpan.FromSeconds(1);
        await TickAsync();
        AddEpoch(3);
        time.Now += TimeSpan.FromSeconds(1);
        await TickAsync();
        Assert.Single(received); // throttled

        time.Now += TimeSpan.FromSeconds(4);
        await TickAsync();
        Assert.Equal(2, received.Count);
        Assert.Equal([72L, 73L], received[1].Changes.Epochs.Select(e => e.Id));
    }

    [Fact]
    public async Task PollAsync_OneSubscriberNeverAnswers_OthersGetEveryTickAndAWarningIsLogged()
    {
        await TickAsync();
        var stuck = new TaskCompletionSource();
        var deadUpdates = new List<LiveUpdate>();
        using var dead = feed.Subscribe("dead browser", async u => { lock (deadUpdates) deadUpdates.Add(u); await stuck.Task; });
        var received = new List<LiveUpdate>();
        using var healthy = feed.Subscribe("healthy browser", u => { lock (received) received.Add(u); return Task.CompletedTask; });
        var healthySubscription = feed.Subscriptions.Single(s => s.Name == "healthy browser");
        var deadSubscription = feed.Subscriptions.Single(s => s.Name == "dead browser");

        for (var tick = 0; tick < 8; tick++)
        {
            AddEpoch(1);
            time.Now += TimeSpan.FromSeconds(1);
            // The tick itself must not wait for the dead subscriber.
            await feed.PollAsync().WaitAsync(TimeSpan.FromSeconds(5));
            await healthySubscription.Delivery.WaitAsync(TimeSpan.FromSeconds(5));
        }

        Assert.Equal(8, received.Count);
        Assert.All(received, u => Assert.Single(u.Changes.Epochs));
        Assert.Single(deadUpdates);
        Assert.Equal(7, deadSubscription.DroppedTicks);
        var warning = Assert.Single(log.Entries, e => e.Level == LogLevel.Warning);
        Assert.Contains("dead browser", warning.Message);
        Assert.Contains("dropped", warning.Message);

        // Once it answers, its next delivery carries everything it missed, merged.
        stuck.SetResult();
        await deadSubscription.Delivery.WaitAsync(TimeSpan.FromSeconds(5));
        AddEpoch(1);
        await TickAsync();
        Assert.Equal(2, deadUpdates.Count);
        Assert.Equal(8, deadUpdates[1].Changes.Epochs.Count);
    }

    [Fact]
    public async Task PollAsync_BusySubscriberPastTheBufferCap_NextUpdateFlagsGap()
    {
        settings.MaxBufferedEpochs = 3;
        await TickAsync();
        var release = new TaskCompletionSource();
        var updates = new List<LiveUpdate>();
        using var subscription = feed.Subscribe("slow", async u => { lock (updates) updates.Add(u); if (updates.Count == 1) await release.Task; });
        AddEpoch(1);
        await feed.PollAsync();
        for (var i = 0; i < 5; i++) AddEpoch(2);
        await feed.PollAsync(); // busy: 5 epochs > cap 3, dropped

        release.SetResult();
        await feed.Subscriptions.Single().Delivery.WaitAsync(TimeSpan.FromSeconds(5));
        await TickAsync();
        await TickAsync();

        Assert.Equal(2, updates.Count);
        Assert.False(updates[0].Gap);
        Assert.True(updates[1].Gap);
        Assert.Empty(updates[1].Changes.Epochs);
    }

    [Fact]
    public async Task CircuitDown_DeliveryPausesThenResumesWithWhatWasMissed()
    {
        await TickAsync();
        var circuit = new CircuitLiveUpdates(feed);
        circuit.Open();
        var received = new List<LiveUpdate>();
        circuit.Subscribe("page", u => { lock (received) received.Add(u); return Task.CompletedTask; });
        circuit.Connected = false;
        AddEpoch(1);
        await TickAsync();
        AddEpoch(2);
        await TickAsync();
        Assert.Empty(received);

        circuit.Connected = true;
        await TickAsync();

        Assert.Equal([71L, 72L], received.Single().Changes.Epochs.Select(e => e.Id));
    }

    [Fact]
    public async Task NoCircuit_PrerenderedPagesSubscription_NeverJoinsTheFeed()
    {
        await TickAsync();
        var prerender = new CircuitLiveUpdates(feed); // a plain GET's scope: no circuit opens
        var calls = 0;
        prerender.Subscribe("prerendered page", _ => { calls++; return Task.CompletedTask; });
        AddEpoch(1);
        await TickAsync();

        // Was a delivery per tick to every page still being prerendered (200 of them under load).
        Assert.Empty(feed.Subscriptions);
        Assert.Equal(0, calls);
        prerender.Dispose();
        Assert.Equal(0, prerender.Count);
    }

    [Fact]
    public async Task CircuitOpened_SubscriptionsMadeBeforeAndAfter_JoinTheFeed()
    {
        var circuit = new CircuitLiveUpdates(feed);
        circuit.Subscribe("before", _ => Task.CompletedTask);
        circuit.Open();
        circuit.Subscribe("after", _ => Task.CompletedTask);

        Assert.Equal(["after", "before"], feed.Subscriptions.Select(s => s.Name).Order());
        circuit.Dispose();
        Assert.Empty(feed.Subscriptions);
        await Task.CompletedTask;
    }

    [Fact]
    public async Task CircuitDisposed_EverySubscriptionOfItLeavesTheFeed()
    {
        var circuit = new CircuitLiveUpdates(feed);
        circuit.Open();
        circuit.Subscribe("a", _ => Task.CompletedTask);
        circuit.Subscribe("b", _ => Task.CompletedTask);
        using var other = feed.Subscribe("other tab", _ => Task.CompletedTask);

        circuit.Dispose();

        Assert.Equal(["other tab"], feed.Subscriptions.Select(s => s.Name));
        Assert.Equal(0, circuit.Count);
        await Task.CompletedTask;
    }

    [Fact]
    public async Task Dispose_Subscription_StopsDelivery()
    {
        await TickAsync();
        var calls = 0;
        var subscription = feed.Subscribe("gone", _ => { calls++; return Task.CompletedTask; });
        subscription.Dispose();
        AddEpoch(1);

        await TickAsync();

        Assert.Equal(0, calls);
    }

    [Fact]
    public async Task PollAsync_TruncatedRead_ContinuesWithinTheSameTick()
    {
        await TickAsync();
        var received = new List<LiveUpdate>();
        using var subscription = Collect(received);
        // Pretend the store returns at most one epoch per read.
        store.Changes = cursor =>
        {
            var next = store.Epochs.Where(e => e.Id > cursor.EpochId).OrderBy(e => e.Id).ToList();
            var one = next.Take(1).ToList();
            return new ChangeSet(one, [], [], new ChangeCursor(one.Count > 0 ? one[0].Id : cursor.EpochId, cursor.UpdatedTicks), next.Count > 1);
        };
        AddEpoch(1);
        AddEpoch(2);
        AddEpoch(3);

        await TickAsync();

        Assert.Equal([71L, 72L, 73L], received.Single().Changes.Epochs.Select(e => e.Id));
    }
}

using HyperSearch.Core.Searches;
using HyperSearch.Web.Live;
using HyperSearch.Web.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace HyperSearch.Web.Tests.Live;

public class LiveFeedTests
{
    private readonly FakeTrialStore store = new();
    private readonly ManualTime time = new();
    private readonly LiveFeed feed;

    public LiveFeedTests()
    {
        store.AddSearch();
        for (var i = 0; i < 7; i++) store.AddTrial(1, 0.1, "constant", 0.5, epochs: 10); // epoch ids 1..70
        var services = new ServiceCollection().AddSingleton<ITrialStore>(store).BuildServiceProvider();
        feed = new LiveFeed(services.GetRequiredService<IServiceScopeFactory>(), Options.Create(new LiveFeedOptions()), time, NullLogger<LiveFeed>.Instance);
    }

    private void AddEpoch(long trialId) =>
        store.Epochs.Add(new EpochPoint(store.Epochs.Count + 1, trialId, 99, 1, 1, 0, 0.1, 1, 1));

    [Fact]
    public async Task PollAsync_FirstTick_StartsAfterExistingEpochs()
    {
        var received = new List<ChangeSet>();
        using var subscription = feed.Subscribe(c => { received.Add(c); return Task.CompletedTask; });

        await feed.PollAsync();

        Assert.Empty(received); // history is the pages' job; the feed carries only what is new
        AddEpoch(1);
        await feed.PollAsync();
        Assert.Equal([71L], received.Single().Epochs.Select(e => e.Id));
    }

    [Fact]
    public async Task PollAsync_ManySubscribers_OneStoreReadPerTick()
    {
        await feed.PollAsync();
        var counts = new int[5];
        var subscriptions = Enumerable.Range(0, 5).Select(i => feed.Subscribe(_ => { counts[i]++; return Task.CompletedTask; })).ToList();
        var before = store.GetChangesCalls;
        AddEpoch(2);

        await feed.PollAsync();

        Assert.Equal(1, store.GetChangesCalls - before);
        Assert.All(counts, c => Assert.Equal(1, c));
        subscriptions.ForEach(s => s.Dispose());
    }

    [Fact]
    public async Task PollAsync_WithinThrottle_BuffersThenDeliversMerged()
    {
        await feed.PollAsync();
        var received = new List<ChangeSet>();
        using var subscription = feed.Subscribe(c => { received.Add(c); return Task.CompletedTask; }, TimeSpan.FromSeconds(5));
        AddEpoch(1);
        await feed.PollAsync();
        Assert.Single(received);

        AddEpoch(2);
        time.Now += TimeSpan.FromSeconds(1);
        await feed.PollAsync();
        AddEpoch(3);
        time.Now += TimeSpan.FromSeconds(1);
        await feed.PollAsync();
        Assert.Single(received); // throttled

        time.Now += TimeSpan.FromSeconds(4);
        await feed.PollAsync();
        Assert.Equal(2, received.Count);
        Assert.Equal([72L, 73L], received[1].Epochs.Select(e => e.Id));
    }

    [Fact]
    public async Task Dispose_Subscription_StopsDelivery()
    {
        await feed.PollAsync();
        var calls = 0;
        var subscription = feed.Subscribe(_ => { calls++; return Task.CompletedTask; });
        subscription.Dispose();
        AddEpoch(1);

        await feed.PollAsync();

        Assert.Equal(0, calls);
    }

    [Fact]
    public async Task PollAsync_TruncatedRead_ContinuesWithinTheSameTick()
    {
        await feed.PollAsync();
        var received = new List<ChangeSet>();
        using var subscription = feed.Subscribe(c => { received.Add(c); return Task.CompletedTask; });
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

        await feed.PollAsync();

        Assert.Equal([71L, 72L, 73L], received.Single().Epochs.Select(e => e.Id));
    }
}

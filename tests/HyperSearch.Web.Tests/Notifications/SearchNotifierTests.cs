using System.Text.Json.Nodes;
using HyperSearch.Core.Searches;
using HyperSearch.Web.Notifications;
using HyperSearch.Web.Tests.Fakes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace HyperSearch.Web.Tests.Notifications;

/// <summary>
/// A search that ends or pauses itself is announced once to every webhook, retried while the receiver
/// is down, signed when a secret is set; against a real HTTP receiver on a loopback port.
/// </summary>
public sealed class SearchNotifierTests : IAsyncLifetime
{
    private readonly FakeTrialStore store = new();
    private readonly ManualLiveFeed feed;
    private WebhookReceiver receiver = null!;
    private SearchNotifier notifier = null!;
    private readonly ListLogger<WebhookSender> senderLog = new();

    public SearchNotifierTests() => feed = new ManualLiveFeed(store);

    public async Task InitializeAsync()
    {
        receiver = await WebhookReceiver.StartAsync();
        var options = Options.Create(new NotificationOptions { Webhooks = [receiver.Url], Secret = "s3cret", Attempts = 4, RetrySeconds = 0.05, TimeoutSeconds = 5 });
        var sender = new WebhookSender(new HttpClient(), options, TimeProvider.System, senderLog);
        notifier = new SearchNotifier(feed, store, sender, options, TimeProvider.System, NullLogger<SearchNotifier>.Instance);
        await notifier.StartAsync(CancellationToken.None);
        await Task.Delay(50); // the notifier subscribes as it starts
    }

    public async Task DisposeAsync()
    {
        await notifier.StopAsync(CancellationToken.None);
        notifier.Dispose();
        await receiver.DisposeAsync();
    }

    private SearchSummary Search(SearchState state, string? error = null) => store.AddSearch("nightly lr sweep", state).Summary with
    {
        Error = error,
        FinishedAt = state.IsFinal() ? DateTimeOffset.UtcNow : null,
        UpdatedAt = DateTimeOffset.UtcNow,
        BestValue = 0.31,
        BestTrialNumber = 7,
        Tags = ["nightly"],
    };

    private Task PushAsync(params SearchSummary[] searches) => feed.PushAsync(new ChangeSet([], [], searches, ChangeCursor.Start, false));

    [Fact]
    public async Task SearchCompletes_ReceiverDownTwice_DeliveredOnTheThirdTryOnceSignedWithTheDocumentedPayload()
    {
        receiver.FailFirst = 2;
        var completed = Search(SearchState.Completed);

        await PushAsync(completed);
        var deliveries = await receiver.WaitForAsync(d => d.Any(x => x.Answer == 204));
        await PushAsync(completed with { Notes = "edited later" }); // the same end again: not a new event
        await Task.Delay(300);

        Assert.Equal([503, 503, 204], receiver.Deliveries.Select(d => d.Answer));
        Assert.Single(deliveries.Select(d => d.DeliveryId).Distinct()); // one event, retried
        var accepted = deliveries.Last();
        Assert.Equal("search.completed", accepted.Event);
        Assert.Equal(WebhookSender.Signature("s3cret", accepted.Body), accepted.Signature);
        var payload = JsonNode.Parse(accepted.Body)!;
        Assert.Equal("search.completed", payload["event"]!.GetValue<string>());
        Assert.Equal(accepted.DeliveryId, payload["id"]!.GetValue<string>());
        var search = payload["search"]!;
        Assert.Equal((completed.Id, "nightly lr sweep", "completed", 0.31, 7), (search["id"]!.GetValue<long>(), search["name"]!.GetValue<string>(),
            search["state"]!.GetValue<string>(), search["bestValue"]!.GetValue<double>(), search["bestTrialNumber"]!.GetValue<int>()));
        Assert.Equal($"/searches/{completed.Id}", search["page"]!.GetValue<string>());
        Assert.Equal("nightly", search["tags"]![0]!.GetValue<string>());
        Assert.Contains(senderLog.Entries, e => e.Message.Contains("attempt 1 failed (answered 503)"));
    }

    [Fact]
    public async Task PausedByTheQueueWithAReason_Announced_ButAPersonsPauseAndARunningSearchAreNot()
    {
        await PushAsync(Search(SearchState.Running), Search(SearchState.Paused), Search(SearchState.Paused, "the first 3 trials failed with the same error: CUDA out of memory"));

        var deliveries = await receiver.WaitForAsync(d => d.Count >= 1);
        await Task.Delay(300);

        var only = Assert.Single(receiver.Deliveries);
        Assert.Equal("search.paused", only.Event);
        Assert.Contains("CUDA out of memory", JsonNode.Parse(only.Body)!["search"]!["error"]!.GetValue<string>());
    }

    [Fact]
    public async Task ReceiverRefuses_400_NotTriedAgainAndLoggedAsAnError()
    {
        receiver.FailFirst = 100;
        receiver.FailWith = 400;

        await PushAsync(Search(SearchState.Failed, "every trial failed"));
        await receiver.WaitForAsync(d => d.Count >= 1);
        await Task.Delay(300);

        Assert.Equal([400], receiver.Deliveries.Select(d => d.Answer));
        Assert.Contains(senderLog.Entries, e => e.Message.Contains("refused (answered 400); not tried again"));
    }

    [Fact]
    public async Task ReceiverDownForGood_GivesUpAfterTheConfiguredAttempts()
    {
        receiver.FailFirst = 100;

        await PushAsync(Search(SearchState.Cancelled));
        await receiver.WaitForAsync(d => d.Count >= 4);
        await Task.Delay(300);

        Assert.Equal(4, receiver.Deliveries.Count);
        Assert.Contains(senderLog.Entries, e => e.Message.Contains("not delivered after 4 attempts"));
    }
}

using System.Collections.Concurrent;
using System.Threading.Channels;
using HyperSearch.Core.Searches;
using HyperSearch.Web.Live;
using Microsoft.Extensions.Options;

namespace HyperSearch.Web.Notifications;

/// <summary>
/// Watches the live feed for searches that end (completed, failed, cancelled) or pause themselves,
/// and posts each event once to every configured webhook, in the background: a slow receiver delays
/// nothing but its own deliveries. Registered only when webhooks are configured. It announces what
/// happens while it runs: a search that ended before the dashboard started is not announced.
/// </summary>
public sealed class SearchNotifier(
    ILiveFeed feed, ITrialStore store, WebhookSender sender, IOptions<NotificationOptions> options, TimeProvider time, ILogger<SearchNotifier> logger)
    : BackgroundService
{
    private const int Remembered = 10_000;
    private readonly Channel<SearchEvent> pending = Channel.CreateUnbounded<SearchEvent>();
    private readonly ConcurrentDictionary<string, byte> announced = new();
    private DateTimeOffset startedAt;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        startedAt = time.GetUtcNow();
        using var subscription = feed.Subscribe("webhook notifier", OnUpdateAsync);
        await foreach (var notification in pending.Reader.ReadAllAsync(stoppingToken))
        {
            // Each URL on its own: one receiver that is down does not hold the others' deliveries.
            await Task.WhenAll(options.Value.Webhooks.Select(url => SendSafelyAsync(url, notification, stoppingToken)));
        }
    }

    private async Task SendSafelyAsync(string url, SearchEvent notification, CancellationToken ct)
    {
        try
        {
            await sender.SendAsync(url, notification, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Webhook {Url}: {Event} of search {SearchId} could not be sent", url, notification.Event, notification.Search.Id);
        }
    }

    private async Task OnUpdateAsync(LiveUpdate update)
    {
        // Changes dropped while busy: the recent searches say what state each is in now.
        var searches = update.Gap ? await store.ListSearchesAsync(0, 200) : update.Changes.Searches;
        foreach (var search in searches)
        {
            if (SearchEvent.Of(search) is not { } name) continue;
            // Only what happened while this process ran (a later edit of an old search's notes moves its update time too).
            if ((search.FinishedAt ?? search.UpdatedAt) < startedAt) continue;
            var key = $"{search.Id}/{name}/{search.FinishedAt?.UtcTicks ?? 0}/{search.Error}";
            if (!announced.TryAdd(key, 0)) continue;
            if (announced.Count > Remembered) announced.Clear();
            pending.Writer.TryWrite(new SearchEvent(name, Guid.NewGuid().ToString("N"), time.GetUtcNow(), Describe(search)));
        }
    }

    private static SearchEventSearch Describe(SearchSummary s) => new(
        s.Id, s.Name, s.State.ToString().ToLowerInvariant(), s.TeamName, s.Owner, s.Workload, s.Strategy.ToString().ToLowerInvariant(),
        s.Objective == ObjectiveMetric.ValAccuracy ? "valAccuracy" : "valLoss", s.BestValue, s.BestTrialNumber, s.Counts.Finished, s.Budget, s.Tags,
        s.Error, $"/searches/{s.Id}");
}

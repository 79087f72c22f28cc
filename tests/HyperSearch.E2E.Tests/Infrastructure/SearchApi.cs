using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace HyperSearch.E2E.Tests.Infrastructure;

/// <summary>The dashboard's own REST API as the browser tests use it to set a scene up.</summary>
internal static class SearchApi
{
    /// <summary>The app with its embedded worker on the sleeping trainer (timing under the test's control).</summary>
    /// <param name="more">further settings (environment names), e.g. a webhook to notify</param>
    public static Task<WebAppProcess> StartWithFakeTrainerAsync(int epochMilliseconds, int cpuSlots, int? liveFeedMilliseconds = null,
        IReadOnlyDictionary<string, string>? more = null)
    {
        var settings = new Dictionary<string, string>
        {
            ["HyperSearch__Worker__Embedded"] = "true",
            ["HyperSearch__Worker__Devices"] = $"cpu:{cpuSlots}",
            ["HyperSearch__Worker__Trainer"] = "fake",
            ["HyperSearch__Worker__Fake__EpochMilliseconds"] = epochMilliseconds.ToString(),
            ["HyperSearch__Worker__PollMilliseconds"] = "100",
        };
        if (liveFeedMilliseconds is { } feed) settings["HyperSearch__Dashboard__LiveFeedMilliseconds"] = feed.ToString();
        foreach (var (key, value) in more ?? new Dictionary<string, string>()) settings[key] = value;
        return WebAppProcess.StartAsync(settings);
    }

    public static async Task<long> CreateAsync(HttpClient api, JsonObject spec)
    {
        using var created = await api.PostAsJsonAsync("/api/searches", spec);
        var body = await created.Content.ReadAsStringAsync();
        Assert.True(created.IsSuccessStatusCode, body);
        return JsonNode.Parse(body)!["id"]!.GetValue<long>();
    }

    /// <summary>Polls the search until it is in <paramref name="state"/> ("completed"); a timeout names the search and its last state.</summary>
    public static async Task WaitForStateAsync(HttpClient api, long searchId, string state, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        var last = "";
        while (DateTime.UtcNow < deadline)
        {
            var detail = await api.GetFromJsonAsync<JsonNode>($"/api/searches/{searchId}");
            var summary = detail!["summary"]!;
            last = summary["state"]!.GetValue<string>();
            if (last == state) return;
            await Task.Delay(200);
        }

        throw new TimeoutException($"search {searchId} did not reach {state} within {timeout.TotalSeconds} s (last: {last})");
    }
}

using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using HyperSearch.E2E.Tests.Infrastructure;

namespace HyperSearch.E2E.Tests.Flows;

/// <summary>
/// The dashboard process (with its embedded worker) dies mid-search and is started again on the
/// same SQLite file: the search must resume and finish, keeping the epochs already written.
/// Uses the worker's sleeping trainer so the timing is under the test's control.
/// </summary>
public class WebRestartTests
{
    private const int Budget = 6;
    private const int Epochs = 5;

    private static Dictionary<string, string> Settings() => new()
    {
        ["HyperSearch__Worker__Embedded"] = "true",
        ["HyperSearch__Worker__Devices"] = "cpu:2",
        ["HyperSearch__Worker__Trainer"] = "fake",
        ["HyperSearch__Worker__Fake__EpochMilliseconds"] = "400",
        ["HyperSearch__Worker__PollMilliseconds"] = "100",
        // Eight heartbeats per lease: with one heartbeat per second on a 2 s lease a single beat delayed
        // on a loaded machine expired a live trial (the CLI queue tests failed CI that way at 1 s).
        ["HyperSearch__Worker__HeartbeatSeconds"] = "0.5",
        ["HyperSearch__Worker__LeaseSeconds"] = "4",
        ["HyperSearch__Worker__MaxAttempts"] = "3",
    };

    [Fact]
    public async Task Restart_KilledMidSearch_SearchResumesAndCompletesWithEpochsKept()
    {
        var first = await WebAppProcess.StartAsync(Settings());
        var dataDirectory = first.DataDirectory;
        long searchId;
        using (var client = new HttpClient { BaseAddress = new Uri(first.BaseUrl) })
        {
            searchId = await CreateSearchAsync(client);
            // Kill while trials run: at least one epoch written, the search far from done.
            await WaitUntilAsync(client, searchId, detail => RunningWithEpochs(client, searchId), TimeSpan.FromSeconds(60));
        }

        await first.KillAsync();

        await using var second = await WebAppProcess.StartAsync(Settings(), dataDirectory);
        using var again = new HttpClient { BaseAddress = new Uri(second.BaseUrl) };
        var finalDetail = await WaitUntilAsync(again, searchId,
            detail => Task.FromResult(detail["summary"]!["state"]!.GetValue<string>() == "completed"), TimeSpan.FromSeconds(90));

        var counts = finalDetail["summary"]!["counts"]!;
        Assert.Equal(Budget, counts["completed"]!.GetValue<int>());
        var trials = await TrialsAsync(again, searchId);
        Assert.Equal(Budget, trials.Count);
        Assert.Contains(trials, t => t["attempt"]!.GetValue<int>() >= 2); // something was really interrupted and retried
        foreach (var trial in trials)
        {
            var epochs = await again.GetFromJsonAsync<JsonArray>($"/api/trials/{trial["id"]}/metrics");
            var numbers = epochs!.Select(e => e!["epoch"]!.GetValue<int>()).ToList();
            Assert.Equal(Enumerable.Range(1, Epochs), numbers.Order()); // none lost, none duplicated
        }
    }

    private static async Task<bool> RunningWithEpochs(HttpClient client, long searchId)
    {
        foreach (var trial in await TrialsAsync(client, searchId))
        {
            if (trial["state"]!.GetValue<string>() != "running") continue;
            var epochs = await client.GetFromJsonAsync<JsonArray>($"/api/trials/{trial["id"]}/metrics");
            if (epochs!.Count >= 1) return true;
        }

        return false;
    }

    private static async Task<long> CreateSearchAsync(HttpClient client)
    {
        var spec = new JsonObject
        {
            ["name"] = "restart test",
            ["workload"] = "sleep",
            ["strategy"] = "random",
            ["objective"] = "valLoss",
            ["budget"] = Budget,
            ["parallelism"] = 2,
            ["epochs"] = Epochs,
            ["seed"] = 7,
            ["space"] = new JsonObject { ["initialLr"] = new JsonObject { ["low"] = 0.001, ["high"] = 0.1 } },
        };
        using var response = await client.PostAsJsonAsync("/api/searches", spec);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        return JsonNode.Parse(body)!["id"]!.GetValue<long>();
    }

    private static async Task<List<JsonNode>> TrialsAsync(HttpClient client, long searchId)
    {
        var page = await client.GetFromJsonAsync<JsonObject>($"/api/searches/{searchId}/trials?take=100");
        return page!["items"]!.AsArray().Select(t => t!).ToList();
    }

    private static async Task<JsonNode> WaitUntilAsync(HttpClient client, long searchId, Func<JsonNode, Task<bool>> condition, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        JsonNode? detail = null;
        while (DateTime.UtcNow < deadline)
        {
            detail = await client.GetFromJsonAsync<JsonNode>($"/api/searches/{searchId}");
            if (await condition(detail!)) return detail!;
            await Task.Delay(200);
        }

        throw new TimeoutException($"search {searchId} never reached the expected state; last: {detail?.ToJsonString(new JsonSerializerOptions { WriteIndented = true })}");
    }
}

using System.Text.Json.Nodes;
using HyperSearch.E2E.Tests.Infrastructure;
using HyperSearch.Web.Tests.Notifications;

namespace HyperSearch.E2E.Tests.Flows;

/// <summary>
/// The real dashboard configured with a webhook (as an operator sets it, by environment) tells a real
/// HTTP receiver once a search it ran has completed; the receiver is down at first, so the dashboard
/// has to try again.
/// </summary>
public sealed class WebhookFlowTests
{
    [Fact]
    public async Task SearchCompletes_ReceiverDownAtFirst_ToldOnceWithTheSearchAndSigned()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.FailFirst = 1;
        await using var app = await SearchApi.StartWithFakeTrainerAsync(epochMilliseconds: 20, cpuSlots: 2, liveFeedMilliseconds: 200, more: new Dictionary<string, string>
        {
            ["HyperSearch__Notifications__Webhooks__0"] = receiver.Url,
            ["HyperSearch__Notifications__Secret"] = "e2e-secret",
            ["HyperSearch__Notifications__RetrySeconds"] = "0.2",
        });
        using var api = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };

        var id = await SearchApi.CreateAsync(api, new JsonObject
        {
            ["name"] = "webhook sweep", ["workload"] = "sleep", ["strategy"] = "random", ["budget"] = 3, ["parallelism"] = 2, ["epochs"] = 2,
            ["space"] = JsonNode.Parse("""{ "initialLr": { "type": "float", "low": 0.001, "high": 0.1, "log": true }, "decay": { "constant": {} } }"""),
        });

        var deliveries = await receiver.WaitForAsync(d => d.Any(x => x.Answer == 204), TimeSpan.FromSeconds(120));
        await Task.Delay(1500); // a second announcement would come within a few feed ticks

        Assert.True(deliveries.Any(d => d.Answer == 204), $"no delivery; the app said:\n{app.Warnings}");
        Assert.Equal([503, 204], receiver.Deliveries.Select(d => d.Answer));
        var accepted = receiver.Deliveries.Last();
        Assert.Equal("search.completed", accepted.Event);
        // The documented signature, computed here as a receiver would.
        var expected = "sha256=" + Convert.ToHexStringLower(System.Security.Cryptography.HMACSHA256.HashData(
            System.Text.Encoding.UTF8.GetBytes("e2e-secret"), System.Text.Encoding.UTF8.GetBytes(accepted.Body)));
        Assert.Equal(expected, accepted.Signature);
        var search = JsonNode.Parse(accepted.Body)!["search"]!;
        Assert.Equal((id, "webhook sweep", 3), (search["id"]!.GetValue<long>(), search["name"]!.GetValue<string>(), search["finished"]!.GetValue<int>()));
    }
}

using System.Text.Json.Nodes;
using HyperSearch.E2E.Tests.Infrastructure;

namespace HyperSearch.E2E.Tests.Flows;

/// <summary>
/// A page served without prerendering (what the server does past its prerender slots under load;
/// here all of them, HyperSearch:Dashboard:MaxConcurrentPrerenders=0) is a working page in real
/// Chromium: its circuit renders it — the Searches list, a Search page with its ranked rows and curves.
/// </summary>
public sealed class PrerenderShellTests : IAsyncLifetime
{
    private WebAppProcess app = null!;
    private readonly BrowserFixture browser = new();

    public async Task InitializeAsync()
    {
        app = await WebAppProcess.StartAsync(new Dictionary<string, string>
        {
            ["HyperSearch__Dashboard__MaxConcurrentPrerenders"] = "0",
            ["HyperSearch__Worker__Embedded"] = "true",
            ["HyperSearch__Worker__Devices"] = "cpu:2",
            ["HyperSearch__Worker__Trainer"] = "fake",
            ["HyperSearch__Worker__Fake__EpochMilliseconds"] = "20",
            ["HyperSearch__Worker__PollMilliseconds"] = "100",
        });
        await browser.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await browser.DisposeAsync();
        await app.DisposeAsync();
    }

    [Fact]
    public async Task Pages_NotPrerendered_RenderInTheirCircuit()
    {
        using var api = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };
        var id = await SearchApi.CreateAsync(api, new JsonObject
        {
            ["name"] = "shell", ["workload"] = "sleep", ["strategy"] = "random", ["budget"] = 4, ["parallelism"] = 2, ["epochs"] = 5,
            ["space"] = new JsonObject { ["initialLr"] = new JsonObject { ["low"] = 0.001, ["high"] = 0.1 } },
        });
        var shell = await api.GetStringAsync("/");
        Assert.DoesNotContain("hs-search-link", shell); // the HTML is the shell: nothing prerendered

        var list = await browser.OpenLiveAsync(app.BaseUrl + "/");
        await list.Locator(".hs-search-link", new() { HasText = "shell" }).WaitForAsync();
        var search = await browser.OpenLiveAsync($"{app.BaseUrl}/searches/{id}");
        await search.Locator("#trials-grid .hs-select").First.WaitForAsync(new() { Timeout = 30_000 });
        await search.WaitForFunctionAsync("() => document.querySelector('#loss-chart canvas') !== null", null, new() { Timeout = 30_000 });
    }
}

using System.Text.Json.Nodes;

namespace HyperSearch.E2E.Tests.Infrastructure;

/// <summary>
/// The dashboard on the sleeping trainer with one finished search of several decay types (so sorts
/// by decay and by value differ), plus one browser: a scene for tests that look at pages.
/// </summary>
public sealed class FinishedSearchFixture : IAsyncLifetime
{
    public WebAppProcess App { get; private set; } = null!;
    public BrowserFixture Browser { get; } = new();
    public HttpClient Api { get; private set; } = null!;
    public long SearchId { get; private set; }

    public async Task InitializeAsync()
    {
        App = await SearchApi.StartWithFakeTrainerAsync(epochMilliseconds: 20, cpuSlots: 2);
        Api = new HttpClient { BaseAddress = new Uri(App.BaseUrl) };
        SearchId = await SearchApi.CreateAsync(Api, new JsonObject
        {
            ["name"] = "sort sweep",
            ["workload"] = "sleep",
            ["strategy"] = "random",
            ["budget"] = 8,
            ["parallelism"] = 2,
            ["epochs"] = 4,
            ["seed"] = 5,
            ["space"] = JsonNode.Parse("""
                { "initialLr": { "type": "float", "low": 0.001, "high": 0.5, "log": true },
                  "decay": { "constant": {}, "cosine": { "tMax": 4 }, "step": { "stepSize": 2, "gamma": 0.5 } } }
                """),
        });
        await WaitForStateAsync(SearchId, "completed");
        await Browser.InitializeAsync();
    }

    public Task WaitForStateAsync(long searchId, string state) => SearchApi.WaitForStateAsync(Api, searchId, state, TimeSpan.FromSeconds(120));

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        Api?.Dispose();
        await App.DisposeAsync();
    }
}

using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using HyperSearch.E2E.Tests.Infrastructure;
using Microsoft.Playwright;

namespace HyperSearch.E2E.Tests.Flows;

/// <summary>
/// "Re-run with changes" on a finished search: the user edits the trial's LR in the form and the
/// new trial joins the original search, runs on the embedded worker and is ranked in its table.
/// </summary>
public class RerunTests
{
    private const int Epochs = 3;

    [Fact]
    public async Task RerunWithChanges_CompletedSearch_NewTrialRunsInTheOriginalSearchsTable()
    {
        await using var app = await SearchApi.StartWithFakeTrainerAsync(epochMilliseconds: 100, cpuSlots: 1, liveFeedMilliseconds: 300);
        using var api = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };
        var searchId = await SearchApi.CreateAsync(api, new JsonObject
        {
            ["name"] = "rerun me",
            ["workload"] = "sleep",
            ["strategy"] = "random",
            ["budget"] = 1,
            ["parallelism"] = 1,
            ["epochs"] = Epochs,
            ["space"] = new JsonObject { ["initialLr"] = new JsonObject { ["low"] = 0.001, ["high"] = 0.1 }, ["decay"] = new JsonObject { ["constant"] = new JsonObject() } },
        });
        await WaitForStateAsync(api, searchId, "completed");
        var first = (await api.GetFromJsonAsync<JsonObject>($"/api/searches/{searchId}/trials"))!["items"]!.AsArray().Single()!;
        var browser = new BrowserFixture();
        await browser.InitializeAsync();
        try
        {
            await RerunAsync(app, api, browser, searchId, first["id"]!.GetValue<long>());
        }
        finally
        {
            await browser.DisposeAsync();
        }
    }

    private static async Task RerunAsync(WebAppProcess app, HttpClient api, BrowserFixture browser, long searchId, long firstId)
    {
        var page = await browser.OpenLiveAsync($"{app.BaseUrl}/trials/{firstId}");

        await page.Locator("#rerun").ClickAsync();
        await page.SetFieldAsync("#rerun-form [data-field='initialLr'] input", "0.0123");
        await page.WaitForFunctionAsync("() => { const e = document.querySelector('#rerun-preview [data-chart]'); const c = e && window.echarts && echarts.getInstanceByDom(e); return c && c.getOption().series.length === 2; }");
        await page.ScreenshotAsync("trial-rerun-form");
        await page.Locator("#rerun-submit").ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/trials/\d+$"));
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Trial #2");
        var added = (await api.GetFromJsonAsync<JsonObject>($"/api/searches/{searchId}/trials"))!["items"]!.AsArray().Single(t => t!["number"]!.GetValue<int>() == 2)!;
        Assert.Equal(0.0123, added["config"]!["initialLr"]!.GetValue<double>());
        await page.GotoAsync($"{app.BaseUrl}/searches/{searchId}");
        await page.WaitForCircuitAsync();
        // Both trials, the new one run by the worker to the end and ranked with the first.
        await Assertions.Expect(page.Locator("#trials-grid [data-state='Completed']")).ToHaveCountAsync(2, new() { Timeout = 30_000 });
        await Assertions.Expect(page.Locator($"#trials-grid a[href='trials/{added["id"]}']")).ToHaveTextAsync("2");
        await WaitForStateAsync(api, searchId, "completed");
        Assert.DoesNotContain("Unhandled exception", app.Output);
    }

    private static async Task WaitForStateAsync(HttpClient api, long searchId, string state)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        string? last = null;
        while (DateTime.UtcNow < deadline)
        {
            last = (await api.GetFromJsonAsync<JsonObject>($"/api/searches/{searchId}"))!["summary"]!["state"]!.GetValue<string>();
            if (last == state) return;
            await Task.Delay(200);
        }

        throw new TimeoutException($"search {searchId} stayed {last}, never {state}");
    }
}

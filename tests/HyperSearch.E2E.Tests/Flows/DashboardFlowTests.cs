using System.Text.RegularExpressions;
using HyperSearch.E2E.Tests.Infrastructure;
using Microsoft.Playwright;

namespace HyperSearch.E2E.Tests.Flows;

/// <summary>A new user's path: launch from the form, watch it live, compare, export; the queue; a refused form.</summary>
public class DashboardFlowTests(DashboardAppFixture fixture) : IClassFixture<DashboardAppFixture>
{
    private const int Budget = 4;
    private const int Epochs = 60;

    [Fact]
    public async Task LaunchFromForm_SyntheticWorkload_TrialsCompleteLiveThenCompareAndExport()
    {
        var page = await fixture.Browser.OpenLiveAsync(fixture.App.BaseUrl + "/searches/new", 1500);
        await page.SetFieldAsync("#name input", "e2e two-spirals");
        await page.PickAsync("#workload", "two-spirals");
        await page.PickAsync("#strategy", "Random");
        await page.SetFieldAsync("#budget input", Budget.ToString());
        await page.SetFieldAsync("#parallelism input", "2");
        await page.SetFieldAsync("#epochs input", Epochs.ToString());
        await Assertions.Expect(page.Locator("#trial-count")).ToHaveTextAsync($"{Budget} trials (Random sampling)");
        await page.ScreenshotAsync("new-search");

        await page.Locator("#launch").ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/searches/\d+$"));
        var searchUrl = page.Url;
        await page.EvaluateAsync("() => window.__sameDocument = true");
        // Curves of running trials grow while we watch: the chart gains points without a reload.
        await page.WaitForFunctionAsync("() => document.querySelectorAll('#trials-grid .hs-select').length > 0", null, new() { Timeout = 60_000 });
        var firstPoints = 0;
        await page.WaitForFunctionAsync("""() => { const e = document.querySelector('#loss-chart [data-chart]'); const c = e && window.echarts && echarts.getInstanceByDom(e); return c && c.getOption().series.some(s => s.data.length > 0); }""",
            null, new() { Timeout = 60_000 });
        firstPoints = await page.ChartPointsAsync("#loss-chart");
        await ShootBusyQueueAsync();
        await Assertions.Expect(page.Locator("#search-progress")).ToContainTextAsync($"{Budget}/{Budget} done", new() { Timeout = 150_000 });
        await page.WaitForTimeoutAsync(1500); // the last epochs' append
        var lastPoints = await page.ChartPointsAsync("#loss-chart");
        Assert.True(lastPoints > firstPoints, $"the loss chart did not grow live ({firstPoints} → {lastPoints} points)");
        Assert.True(await page.EvaluateAsync<bool>("() => window.__sameDocument === true"), "the page reloaded");
        await Assertions.Expect(page.Locator("#trials-grid [data-state='Completed']")).ToHaveCountAsync(Budget);
        // The analysis charts catch up with the finished trials (one point per trial on the scatter).
        const string scatterPoints = """() => { const e = document.querySelector('#scatter-chart [data-chart]'); const c = e && window.echarts && echarts.getInstanceByDom(e); return c ? c.getOption().series.reduce((k, s) => k + s.data.length, 0) : -1; }""";
        try
        {
            await page.WaitForFunctionAsync($"n => ({scatterPoints})() === n", Budget, new() { Timeout = 15_000 });
        }
        catch (TimeoutException)
        {
            var shown = await page.EvaluateAsync<int>(scatterPoints);
            Assert.Fail($"the scatter shows {(shown < 0 ? "no chart" : $"{shown} points")}, not {Budget}, 15 s after the search finished; the app's warnings:\n{fixture.App.Warnings}");
        }

        await Assertions.Expect(page.Locator("#trials-grid .hs-diagnosis").First).ToBeVisibleAsync();
        await page.ScreenshotAsync("search");

        // Select the two best trials and compare them.
        await page.CompareFirstTwoTrialsAsync();
        await Assertions.Expect(page.Locator("#config-diff tr.hs-differs").First).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#config-diff thead th a")).ToHaveCountAsync(2);
        await page.WaitForFunctionAsync("() => document.querySelector('#compare-loss-chart canvas') !== null");
        await page.ScreenshotAsync("compare");

        // One trial's page.
        await page.Locator("#config-diff thead th a").First.ClickAsync();
        await Assertions.Expect(page.Locator("#timeline")).ToContainTextAsync("cpu");
        await page.ScreenshotAsync("trial");

        // Export: every trial, ranked, as CSV.
        var csv = await page.APIRequest.GetAsync(searchUrl.Replace("/searches/", "/api/searches/") + "/export?format=csv");
        Assert.Equal(200, csv.Status);
        var lines = (await csv.TextAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(Budget + 1, lines.Length);

        await page.GotoAsync(fixture.App.BaseUrl + "/");
        await page.WaitForCircuitAsync();
        await Assertions.Expect(page.Locator(".hs-search-link").First).ToHaveTextAsync("e2e two-spirals");
        await page.ScreenshotAsync("searches");
    }

    /// <summary>A picture of the queue while trials run (best effort: a fast run may already be over).</summary>
    private async Task ShootBusyQueueAsync()
    {
        var queue = await fixture.Browser.OpenLiveAsync(fixture.App.BaseUrl + "/queue");
        try
        {
            await queue.Locator(".hs-slot-busy").First.WaitForAsync(new() { Timeout = 5_000 });
        }
        catch (TimeoutException)
        {
            // The trials finished first; the picture then shows free slots.
        }

        await queue.ScreenshotAsync("queue-running");
        await queue.Context.CloseAsync();
    }

    [Fact]
    public async Task Queue_EmbeddedWorker_ShowsEveryCpuSlot()
    {
        var page = await fixture.Browser.OpenLiveAsync(fixture.App.BaseUrl + "/queue");

        await Assertions.Expect(page.Locator("[data-slot^='cpu']")).ToHaveCountAsync(2, new() { Timeout = 20_000 });
        await page.ScreenshotAsync("queue");
    }

    [Fact]
    public async Task Launch_InvalidForm_ShowsFieldMessagesAndStays()
    {
        var page = await fixture.Browser.OpenLiveAsync(fixture.App.BaseUrl + "/searches/new", 1300);
        await page.SetFieldAsync("#budget input", "0");

        await page.Locator("#launch").ClickAsync();

        await Assertions.Expect(page.Locator("[data-field='name'] .mud-input-helper-text.mud-input-error")).ToHaveTextAsync("must not be empty");
        await Assertions.Expect(page.Locator("[data-field='budget'] .mud-input-helper-text.mud-input-error")).ToHaveTextAsync("must be ≥ 1");
        await Assertions.Expect(page.Locator("#form-errors")).ToBeVisibleAsync();
        await Assertions.Expect(page).ToHaveURLAsync(fixture.App.BaseUrl + "/searches/new");
        await page.ScreenshotAsync("new-search-invalid");
    }

    [Fact]
    public async Task LrRangeTest_Click_FillsLrRangeAndShowsCurve()
    {
        var page = await fixture.Browser.OpenLiveAsync(fixture.App.BaseUrl + "/searches/new", 1300);
        await page.PickAsync("#workload", "two-spirals");

        await page.Locator("#lr-range-test").ClickAsync();

        await Assertions.Expect(page.Locator("#lr-range-message")).ToContainTextAsync("Suggested initial LR range", new() { Timeout = 60_000 });
        await page.WaitForFunctionAsync("() => document.querySelector('#range-test-chart canvas') !== null");
        // The suggestion replaced the default 0.0001–1 range in the spec document.
        Assert.DoesNotContain("\"low\": 0.0001", await page.Locator("#spec-json").TextContentAsync());
        await page.ScreenshotAsync("new-search-lr-range-test");
    }
}

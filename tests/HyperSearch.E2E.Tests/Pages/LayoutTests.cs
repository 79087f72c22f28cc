using HyperSearch.E2E.Tests.Infrastructure;
using Microsoft.Playwright;

namespace HyperSearch.E2E.Tests.Pages;

public class LayoutTests(WebAppFixture fixture) : IClassFixture<WebAppFixture>
{
    [Fact]
    public async Task MenuToggle_Click_ServerClosesTheDrawer()
    {
        var page = await fixture.Browser.OpenLiveAsync(fixture.App.BaseUrl + "/");
        var drawer = page.Locator("#menu");
        await Assertions.Expect(drawer).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("mud-drawer--open"));

        // The toggle has no client-side behaviour of its own: only a live circuit can close it.
        await page.Locator("#menu-toggle").ClickAsync();

        await Assertions.Expect(drawer).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("mud-drawer--closed"));
    }

    [Fact]
    public async Task ThemeToggle_Click_PageAndChartsTurnDarkAndStayDarkOnTheNextPage()
    {
        var page = await fixture.Browser.OpenLiveAsync(fixture.App.BaseUrl + "/playground");
        const string chartIsDark = "() => document.querySelector('[data-chart]')?.dataset.theme === 'dark'";
        const string background = "() => getComputedStyle(document.body).backgroundColor";
        var light = await page.EvaluateAsync<string>(background);
        await page.WaitForFunctionAsync("() => document.querySelector('[data-chart] canvas') !== null");

        await page.Locator("#theme-toggle").ClickAsync();

        await page.WaitForFunctionAsync($"() => ({background})() !== '{light}'");
        await page.WaitForFunctionAsync($"() => ({chartIsDark})() === true", null, new() { Timeout = 10_000 });
        await page.GotoAsync(fixture.App.BaseUrl + "/queue");
        await page.WaitForCircuitAsync();
        await page.WaitForFunctionAsync($"() => ({background})() !== '{light}'", null, new() { Timeout = 10_000 });
    }

    [Fact]
    public async Task Charts_ChartlessPageLoadsNoECharts_FirstChartLoadsItAndDrawsInTheChosenTheme()
    {
        // ECharts (1.1 MB) used to be a <script> on every page, holding up Blazor's start where no chart is shown.
        var page = await fixture.Browser.OpenLiveAsync(fixture.App.BaseUrl + "/queue");
        Assert.False(await page.EvaluateAsync<bool>("() => 'echarts' in window"), "the Queue page, which has no chart, loaded ECharts");
        Assert.Equal(0, await page.Locator("script[src*='echarts']").CountAsync());
        await page.Locator("#theme-toggle").ClickAsync(); // dark before ECharts exists: the first chart must still be dark

        await page.GetByText("Schedule playground", new() { Exact = true }).First.ClickAsync();

        await page.WaitForFunctionAsync("""
            () => { const e = document.querySelector('[data-chart]');
                    const c = e && window.echarts && echarts.getInstanceByDom(e);
                    return c && c.getOption().series.length > 0 && e.dataset.theme === 'dark'; }
            """, null, new() { Timeout = 15_000 });
    }

    [Fact]
    public async Task ThemeChoice_Dark_NextPageIsPrerenderedDarkWithDarkChartsBeforeAnyCircuit()
    {
        // A dark-theme user used to get every page light (rows and curves) until the circuit had read
        // the stored choice, seconds later on a busy machine.
        var live = await fixture.Browser.OpenLiveAsync(fixture.App.BaseUrl + "/queue");
        const string background = "() => getComputedStyle(document.body).backgroundColor";
        var light = await live.EvaluateAsync<string>(background);
        await live.Locator("#theme-toggle").ClickAsync();
        await live.WaitForFunctionAsync($"() => ({background})() !== '{light}'");
        await live.WaitForFunctionAsync("() => document.cookie.includes('hs-theme=dark')");

        // The same browser, Blazor's script withheld: only the server's HTML and prerendered.js draw.
        var page = await live.Context.NewPageAsync();
        await page.RouteAsync("**/_framework/blazor.web*.js", route => route.AbortAsync());
        await page.GotoAsync(fixture.App.BaseUrl + "/playground");

        Assert.NotEqual(light, await page.EvaluateAsync<string>(background));
        await page.WaitForFunctionAsync("""
            () => { const e = document.querySelector('[data-chart]');
                    return e && window.echarts && echarts.getInstanceByDom(e) && e.dataset.theme === 'dark'; }
            """, null, new() { Timeout = 15_000 });
        Assert.Equal(0, await page.Locator("[data-circuit-live]").CountAsync());
    }

    [Fact]
    public async Task PrerenderedChart_DrawnFromTheHtmlAlone_BeforeAnyCircuit()
    {
        // Blazor's script never arrives, so no circuit starts: what is drawn comes from the prerendered page.
        var page = await fixture.Browser.NewPageAsync();
        await page.RouteAsync("**/_framework/blazor.web*.js", route => route.AbortAsync());

        await page.GotoAsync(fixture.App.BaseUrl + "/playground");

        await page.WaitForFunctionAsync("""
            () => { const e = document.querySelector('[data-chart]');
                    const c = e && window.echarts && echarts.getInstanceByDom(e);
                    return c && c.getOption().series.some(s => s.data.length > 1); }
            """, null, new() { Timeout = 15_000 });
        Assert.Equal(0, await page.Locator("[data-circuit-live]").CountAsync());
    }

    [Fact]
    public async Task BlazorStart_AfterThePrerenderedChartIsDrawn_OrOneSecondAfterParsing()
    {
        // Started at once, Blazor's circuit start took the main thread between the chart's loading
        // steps and the curves came ~1 s later; App.razor starts it when prerendered.js's charts are
        // drawn, or 1 s after DOMContentLoaded (a loaded machine may take longer to draw). On the
        // browser's own clock: when the page was parsed, when the charts' promise settled, and when
        // Blazor's first request (its initializers) left.
        var page = await fixture.Browser.NewPageAsync();
        await page.AddInitScriptAsync("""
            (() => {
              const seen = window.__start = {};
              document.addEventListener('DOMContentLoaded', () => seen.parsed = performance.now());
              let charts;
              Object.defineProperty(window, 'hsPrerenderedCharts', {
                configurable: true, get: () => charts,
                set: promise => { charts = promise; promise.then(() => seen.drawn = performance.now()); },
              });
            })();
            """);

        await page.GotoAsync(fixture.App.BaseUrl + "/playground");
        await page.WaitForCircuitAsync();

        var times = await page.EvaluateAsync<double[]>("""
            () => [__start.parsed ?? -1, __start.drawn ?? -1,
                   performance.getEntriesByType('resource').find(r => r.name.includes('/_blazor/initializers'))?.startTime ?? -1]
            """);
        var (parsed, drawn, blazor) = (times[0], times[1], times[2]);
        Assert.True(drawn > 0, "prerendered.js's charts never settled");
        // 5 ms: the browser's clock in resource timing is coarser than performance.now().
        Assert.True(blazor >= Math.Min(drawn, parsed + 1000) - 5,
            $"Blazor's first request left at {blazor:F0} ms, before the charts were drawn ({drawn:F0} ms) and before 1 s after parsing ({parsed:F0} ms)");
    }

    [Fact]
    public async Task BlazorStart_ChartLibraryHeldBack_StartsAnywayAndTheChartIsDrawnLater()
    {
        var page = await fixture.Browser.NewPageAsync();
        var release = new TaskCompletionSource();
        var served = false;
        await page.RouteAsync("**/echarts*.js", async route =>
        {
            await release.Task;
            served = true;
            await route.ContinueAsync();
        });

        // (The held script also holds the load event, so no waiting for it.)
        await page.GotoAsync(fixture.App.BaseUrl + "/playground", new() { WaitUntil = WaitUntilState.DOMContentLoaded });
        await page.WaitForCircuitAsync(); // 1 s after the page was parsed, whatever the charts do

        Assert.False(served);
        release.SetResult();
        await page.WaitForFunctionAsync("""
            () => { const e = document.querySelector('[data-chart]');
                    return e && window.echarts && echarts.getInstanceByDom(e); }
            """, null, new() { Timeout = 15_000 });
    }

    [Fact]
    public async Task BlazorStart_PrerenderedScriptCannotLoad_TheCircuitStillStarts()
    {
        var page = await fixture.Browser.NewPageAsync();
        await page.RouteAsync("**/prerendered*.js", route => route.AbortAsync());

        await page.GotoAsync(fixture.App.BaseUrl + "/playground");

        await page.WaitForCircuitAsync();
    }

    [Fact]
    public async Task Charts_LibraryCannotBeLoaded_SaySoAndThePageStaysLive()
    {
        var page = await fixture.Browser.NewPageAsync();
        await page.RouteAsync("**/echarts*.js", route => route.AbortAsync());
        await page.GotoAsync(fixture.App.BaseUrl + "/playground");
        await page.WaitForCircuitAsync();

        await Assertions.Expect(page.Locator("[data-chart]").First).ToContainTextAsync("could not be loaded");
        // The circuit survived: the drawer still answers.
        await page.Locator("#menu-toggle").ClickAsync();
        await Assertions.Expect(page.Locator("#menu")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("mud-drawer--closed"));
    }

    [Fact]
    public async Task NavMenu_ClickQueue_NavigatesWithoutReload()
    {
        var page = await fixture.Browser.OpenLiveAsync(fixture.App.BaseUrl + "/");
        await page.EvaluateAsync("() => window.__sameDocument = true");

        await page.GetByText("Queue", new() { Exact = true }).First.ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(fixture.App.BaseUrl + "/queue");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Queue");
        Assert.True(await page.EvaluateAsync<bool>("() => window.__sameDocument === true"), "the page reloaded");
        await page.ScreenshotAsync("layout-queue");
    }
}

using HyperSearch.E2E.Tests.Infrastructure;
using Microsoft.Playwright;

namespace HyperSearch.E2E.Tests.Pages;

public class PlaygroundPageTests(WebAppFixture fixture) : IClassFixture<WebAppFixture>
{
    [Fact]
    public async Task Draw_EditedConfig_ServerRecomputesAndChartPaints()
    {
        var page = await fixture.Browser.OpenLiveAsync(fixture.App.BaseUrl + "/playground");

        await page.Locator("#config-json textarea").FillAsync("""{ "initialLr": 0.1, "decay": { "type": "step", "stepSize": 10, "gamma": 0.5 } }""");
        await page.Locator("#draw").ClickAsync();

        // 100 steps of StepLR(10, 0.5) from 0.1: the last LR is 0.1 * 0.5^9. Only the server computes this.
        await Assertions.Expect(page.Locator("#summary")).ToContainTextAsync("step: first LR 0.1, final LR 0.000195313");
        await page.WaitForFunctionAsync("() => document.querySelector('[data-chart=line] canvas') !== null");
        Assert.True(await page.PaintedPixelsAsync("[data-chart=line]") > 2000, "the chart canvas stayed blank");
        await page.ScreenshotAsync("playground");
    }

    [Fact]
    public async Task Draw_BrokenJson_ShowsErrorNamingConfig()
    {
        var page = await fixture.Browser.OpenLiveAsync(fixture.App.BaseUrl + "/playground");

        await page.Locator("#config-json textarea").FillAsync("{ \"initialLr\": ");
        await page.Locator("#draw").ClickAsync();

        await Assertions.Expect(page.Locator("#errors")).ToContainTextAsync("config:");
    }

    [Fact]
    public async Task Draw_ParsableButInvalidConfig_NamesFieldAndCircuitSurvives()
    {
        var page = await fixture.Browser.OpenLiveAsync(fixture.App.BaseUrl + "/playground");

        await page.Locator("#config-json textarea").FillAsync("""{ "initialLr": 0.1, "decay": { "type": "cosine", "tMax": 0 } }""");
        await page.Locator("#draw").ClickAsync();
        await Assertions.Expect(page.Locator("#errors")).ToContainTextAsync("config.decay.tMax");
        await Assertions.Expect(page.Locator("#summary")).ToHaveCountAsync(0); // no stale chart of an earlier config

        // The circuit is still alive: a corrected config draws.
        await page.Locator("#config-json textarea").FillAsync("""{ "initialLr": 0.1, "decay": { "type": "cosine", "tMax": 4 } }""");
        await page.Locator("#draw").ClickAsync();
        await Assertions.Expect(page.Locator("#summary")).ToContainTextAsync("cosine: first LR 0.1");
        await Assertions.Expect(page.Locator("#errors")).ToHaveCountAsync(0);
    }
}

using HyperSearch.E2E.Tests.Infrastructure;
using Microsoft.Playwright;

namespace HyperSearch.E2E.Tests.Flows;

/// <summary>
/// The dashboard process dies under an open page and comes back on the same address: .NET 10's
/// blazor.web.js raises components-reconnect-state-changed, the reconnect dialog shows, and once the
/// new server rejects the old circuit the page reloads by itself and is live again (no click).
/// </summary>
public class ReconnectTests : IAsyncLifetime
{
    private readonly BrowserFixture browser = new();

    public Task InitializeAsync() => browser.InitializeAsync();

    public Task DisposeAsync() => browser.DisposeAsync();

    [Fact]
    public async Task ServerRestart_PageOpen_DialogShowsThenPageReloadsAndIsLive()
    {
        var settings = new Dictionary<string, string> { ["HyperSearch__Worker__Embedded"] = "false" };
        var first = await WebAppProcess.StartAsync(settings);
        var page = await browser.OpenLiveAsync(first.BaseUrl + "/queue");
        await page.EvaluateAsync("() => window.__beforeRestart = true");

        await first.KillAsync();
        var dialog = page.Locator("#components-reconnect-modal");
        await Assertions.Expect(dialog).ToHaveAttributeAsync("open", "", new() { Timeout = 20_000 });
        await page.WaitForTimeoutAsync(2000); // only for the screenshot: the dialog fades in
        await page.ScreenshotAsync("reconnect-dialog");

        await using var second = await WebAppProcess.StartAsync(settings, first.DataDirectory, first.BaseUrl);
        await page.WaitForFunctionAsync("() => window.__beforeRestart === undefined", null, new() { Timeout = 60_000 });
        await page.WaitForCircuitAsync();

        Assert.Equal(first.BaseUrl + "/queue", page.Url);
        await Assertions.Expect(dialog).Not.ToHaveAttributeAsync("open", "");
        await first.DisposeAsync();
    }
}

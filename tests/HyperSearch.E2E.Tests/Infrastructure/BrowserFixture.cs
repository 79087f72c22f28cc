using Microsoft.Playwright;

namespace HyperSearch.E2E.Tests.Infrastructure;

/// <summary>
/// Debian's Chromium driven by Playwright without `playwright install` (which would download a
/// browser; nothing may be downloaded here). Flags keep it off the closed network.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private IPlaywright? playwright;

    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = "/usr/bin/chromium",
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage",
            ],
        });
    }

    /// <param name="height">Taller viewports let screenshots show whole pages (the layout scrolls inside its body).</param>
    public async Task<IPage> NewPageAsync(int height = 900)
    {
        var context = await Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1400, Height = height } });
        return await context.NewPageAsync();
    }

    /// <summary>Opens <paramref name="url"/> in a new page and waits until its interactive circuit is live.</summary>
    public async Task<IPage> OpenLiveAsync(string url, int height = 900)
    {
        var page = await NewPageAsync(height);
        await page.GotoAsync(url);
        await page.WaitForCircuitAsync();
        return page;
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        playwright?.Dispose();
    }
}

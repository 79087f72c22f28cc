using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace HyperSearch.E2E.Tests.Infrastructure;

internal static class PageExtensions
{
    /// <summary>Saves a full-page screenshot under artifacts/screenshots for people to look at.</summary>
    public static Task ScreenshotAsync(this IPage page, string name) =>
        page.ScreenshotAsync(new() { Path = Path.Combine(RepositoryPaths.Artifacts("screenshots"), name + ".png"), FullPage = true });

    /// <summary>Number of non-transparent pixels the chart canvases inside <paramref name="selector"/> painted.</summary>
    public static Task<int> PaintedPixelsAsync(this IPage page, string selector) =>
        page.EvaluateAsync<int>("""
            selector => {
              let painted = 0;
              for (const canvas of document.querySelectorAll(selector + ' canvas')) {
                const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
                for (let i = 3; i < data.length; i += 4) if (data[i] !== 0) painted++;
              }
              return painted;
            }
            """, selector);

    /// <summary>Waits until Blazor's interactive circuit is connected (the page is no longer static HTML).</summary>
    public static Task WaitForCircuitAsync(this IPage page) =>
        page.WaitForFunctionAsync("() => window.Blazor !== undefined && document.querySelector('[data-circuit-live]') !== null",
            null, new() { Timeout = 30_000 });

    /// <summary>
    /// On a Search page: selects the table's first two rows and opens Compare for them. One click, the
    /// URL takes it (sel=…), then the next; Blazor navigates inside the document (no load event), so
    /// the address is polled.
    /// </summary>
    public static async Task CompareFirstTwoTrialsAsync(this IPage page)
    {
        var boxes = page.Locator("#trials-grid .hs-select label");
        // A click that lands while the grid re-renders (the live update after a search ends) can be lost: seen
        // once in a CI run, "Compare (0)" after 5 s. A user clicks again; so does the test, at most twice more.
        for (var attempt = 1; ; attempt++)
        {
            await boxes.Nth(0).ClickAsync();
            try
            {
                await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"sel=\d+$"));
                break;
            }
            catch (PlaywrightException) when (attempt < 3)
            {
            }
        }
        await boxes.Nth(1).ClickAsync();
        await Assertions.Expect(page.Locator("#compare-selected")).ToBeEnabledAsync();
        await page.Locator("#compare-selected").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/compare\?trials=\d+(%2C|,)\d+$"), new() { Timeout = 15_000 });
    }
}

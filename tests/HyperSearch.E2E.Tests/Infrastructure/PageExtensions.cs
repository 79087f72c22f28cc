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
}

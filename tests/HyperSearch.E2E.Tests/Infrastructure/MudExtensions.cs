using Microsoft.Playwright;

namespace HyperSearch.E2E.Tests.Infrastructure;

/// <summary>Driving MudBlazor inputs the way a user does (the server only sees their change events).</summary>
internal static class MudExtensions
{
    /// <summary>Types into a MudTextField/MudNumericField and leaves the field so its change event fires.</summary>
    public static async Task SetFieldAsync(this IPage page, string selector, string value)
    {
        var input = page.Locator(selector);
        await input.FillAsync(value);
        await input.PressAsync("Tab");
    }

    /// <summary>Opens the MudSelect inside <paramref name="containerSelector"/> and clicks the item with that text.</summary>
    public static async Task PickAsync(this IPage page, string containerSelector, string item)
    {
        await page.Locator($"{containerSelector} .mud-select").First.ClickAsync();
        var option = page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = item });
        await option.First.ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item").First.WaitForAsync(new() { State = WaitForSelectorState.Detached, Timeout = 5_000 });
    }

    /// <summary>Points currently in an ECharts chart (grows when the live feed appends epochs).</summary>
    public static Task<int> ChartPointsAsync(this IPage page, string selector) =>
        page.EvaluateAsync<int>("""
            selector => {
              const element = document.querySelector(selector + ' [data-chart]');
              const chart = element && window.echarts && echarts.getInstanceByDom(element);
              if (!chart) return -1;
              return chart.getOption().series.reduce((n, s) => n + s.data.filter(p => p[1] !== null).length, 0);
            }
            """, selector);
}

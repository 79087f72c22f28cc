using Microsoft.Playwright;

namespace HyperSearch.E2E.Tests.Infrastructure;

/// <summary>Driving Radzen inputs the way a user does (the server only sees their change events).</summary>
internal static class RadzenExtensions
{
    /// <summary>Types into a RadzenNumeric/RadzenTextBox and leaves the field so its change event fires.</summary>
    public static async Task SetFieldAsync(this IPage page, string selector, string value)
    {
        var input = page.Locator(selector);
        await input.FillAsync(value);
        await input.PressAsync("Tab");
    }

    public static async Task PickAsync(this IPage page, string dropdownSelector, string item)
    {
        await page.Locator(dropdownSelector).ClickAsync();
        await page.Locator(".rz-dropdown-item, .rz-multiselect-item").GetByText(item, new() { Exact = true }).First.ClickAsync();
    }

    /// <summary>Points currently in an ECharts chart (grows when the live feed appends epochs).</summary>
    public static Task<int> ChartPointsAsync(this IPage page, string selector) =>
        page.EvaluateAsync<int>("""
            selector => {
              const element = document.querySelector(selector + ' [data-chart]');
              const chart = element && echarts.getInstanceByDom(element);
              if (!chart) return -1;
              return chart.getOption().series.reduce((n, s) => n + s.data.filter(p => p[1] !== null).length, 0);
            }
            """, selector);
}

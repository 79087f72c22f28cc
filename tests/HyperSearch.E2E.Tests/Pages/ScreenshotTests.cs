using System.Net.Http.Json;
using System.Text.Json.Nodes;
using HyperSearch.E2E.Tests.Infrastructure;
using Microsoft.Playwright;

namespace HyperSearch.E2E.Tests.Pages;

/// <summary>
/// Every page in both themes at two common screen sizes, saved under artifacts/screenshots for a
/// person to look at (page-theme-WxH.png). The test itself checks each page rendered its title, drew
/// its charts and showed no error bar.
/// </summary>
public class ScreenshotTests
{
    private static readonly (int Width, int Height)[] Sizes = [(1366, 768), (1920, 1080)];

    [Fact]
    public async Task EveryPage_LightAndDark_AtTwoSizes_RendersAndIsSaved()
    {
        await using var app = await SearchApi.StartWithFakeTrainerAsync(epochMilliseconds: 60, cpuSlots: 2);
        using var api = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };
        var searchId = await CreateFinishedSearchAsync(api);
        var trials = (await api.GetFromJsonAsync<JsonObject>($"/api/searches/{searchId}/trials?take=3"))!["items"]!.AsArray();
        var (first, second) = (trials[0]!["id"]!.GetValue<long>(), trials[1]!["id"]!.GetValue<long>());
        (string Name, string Path, string Title)[] pages =
        [
            ("searches", "/", "Searches"),
            ("new-search", "/searches/new", "New search"),
            ("search", $"/searches/{searchId}", "screens tpe sweep"),
            ("trial", $"/trials/{first}", "Trial #"),
            ("compare", $"/compare?trials={first},{second}&searches={searchId}", "Compare"),
            ("queue", "/queue", "Queue"),
            ("playground", "/playground", "Schedule playground"),
        ];

        await using var browser = await BrowserProcess.StartAsync();
        foreach (var dark in new[] { false, true })
        {
            foreach (var (width, height) in Sizes)
            {
                var context = await browser.Browser.NewContextAsync(new() { ViewportSize = new() { Width = width, Height = height } });
                await context.AddInitScriptAsync($"localStorage.setItem('hs-theme', '{(dark ? "dark" : "light")}')");
                var page = await context.NewPageAsync();
                foreach (var (name, path, title) in pages)
                {
                    await page.GotoAsync(app.BaseUrl + path);
                    await page.WaitForCircuitAsync();
                    await Assertions.Expect(page.Locator("h1").First).ToContainTextAsync(title);
                    await page.WaitForFunctionAsync("() => [...document.querySelectorAll('[data-chart]')].every(e => e.querySelector('canvas'))", null, new() { Timeout = 15_000 });
                    var theme = dark ? "dark" : "light";
                    await page.WaitForFunctionAsync($"() => [...document.querySelectorAll('[data-chart]')].every(e => e.dataset.theme === '{theme}')", null, new() { Timeout = 10_000 });
                    await page.WaitForTimeoutAsync(300); // MudBlazor's transitions
                    // Once seen (a CI screenshot, 2026-12-03): every Search-page chart drawn a few pixels wide in its full-width box.
                    await AssertChartsFillTheirBoxesAsync(page, $"{name} {width}x{height}");
                    Assert.False(await page.Locator("#blazor-error-ui").IsVisibleAsync(), $"{name} shows the error bar");
                    await page.ScreenshotAsync($"{name}-{theme}-{width}x{height}");
                    await AssertChartsFillTheirBoxesAsync(page, $"{name} {width}x{height} after the screenshot");
                    if (name is "search" or "searches")
                    {
                        var cutOff = await page.EvaluateAsync<string[]>(CutOffInGrid, name == "search" ? "trials-grid" : "searches-grid");
                        Assert.True(cutOff.Length == 0, $"{name} {theme} {width}x{height}: {string.Join("; ", cutOff)}");
                    }
                }

                await context.CloseAsync();
            }
        }

        Assert.DoesNotContain("Unhandled exception", app.Output);
    }

    private const string ChartWidths = """
        () => [...document.querySelectorAll('[data-chart]')].map(e =>
          `${e.dataset.chart}: canvas ${Math.round(e.querySelector('canvas')?.getBoundingClientRect().width ?? 0)}px in a ${Math.round(e.getBoundingClientRect().width)}px box`).join('; ')
        """;

    private static async Task AssertChartsFillTheirBoxesAsync(IPage page, string where)
    {
        try
        {
            // A chart follows its box on the next resize-observer report, so allow a moment.
            await page.WaitForFunctionAsync("""
                () => [...document.querySelectorAll('[data-chart]')].every(e =>
                  Math.abs((e.querySelector('canvas')?.getBoundingClientRect().width ?? 0) - e.getBoundingClientRect().width) <= 2)
                """, null, new() { Timeout = 5_000 });
        }
        catch (TimeoutException)
        {
            Assert.Fail($"{where}: {await page.EvaluateAsync<string>(ChartWidths)}");
        }
    }

    // The ranked table and the searches list fit the window: no sideways scrolling (which would hide
    // the row actions), no header or key-params cell cut off.
    private const string CutOffInGrid = """
        (grid) => {
          const problems = [];
          const box = document.querySelector(`#${grid} .mud-table-container`);
          if (box.scrollWidth > box.clientWidth + 1) problems.push(`the table is ${box.scrollWidth}px wide in ${box.clientWidth}px`);
          for (const cell of document.querySelectorAll(`#${grid} thead th, #${grid} td.hs-key-params`))
            if (cell.scrollWidth > cell.clientWidth + 1) problems.push(`"${cell.textContent.trim()}" is cut off`);
          return problems;
        }
        """;

    private static async Task<long> CreateFinishedSearchAsync(HttpClient api)
    {
        var spec = new JsonObject
        {
            ["name"] = "screens tpe sweep",
            ["workload"] = "sleep",
            ["strategy"] = "tpe",
            ["budget"] = 14,
            ["parallelism"] = 2,
            ["epochs"] = 12,
            ["seed"] = 3,
            ["space"] = new JsonObject
            {
                ["initialLr"] = new JsonObject { ["type"] = "float", ["low"] = 0.0005, ["high"] = 0.5, ["log"] = true },
                ["decay"] = new JsonObject
                {
                    ["cosine"] = new JsonObject { ["tMax"] = 12 },
                    ["step"] = new JsonObject
                    {
                        ["stepSize"] = new JsonObject { ["type"] = "int", ["low"] = 2, ["high"] = 6 },
                        ["gamma"] = new JsonObject { ["type"] = "float", ["low"] = 0.1, ["high"] = 0.9 },
                    },
                },
            },
        };
        var id = await SearchApi.CreateAsync(api, spec);
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (DateTime.UtcNow < deadline)
        {
            var detail = await api.GetFromJsonAsync<JsonNode>($"/api/searches/{id}");
            if (detail!["summary"]!["state"]!.GetValue<string>() == "completed") return id;
            await Task.Delay(250);
        }

        throw new TimeoutException("the screenshot search did not finish");
    }
}

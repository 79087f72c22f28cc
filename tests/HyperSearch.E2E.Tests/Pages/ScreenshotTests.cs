using System.Net.Http.Json;
using System.Text.Json.Nodes;
using HyperSearch.E2E.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.Playwright;

namespace HyperSearch.E2E.Tests.Pages;

/// <summary>
/// Every page in both themes at two common screen sizes, saved under artifacts/screenshots for a
/// person to look at (page-theme-WxH.png). The test checks each page rendered its title, drew its
/// charts in the theme and showed no error bar, and that nothing is cut off or overflows: the page
/// is no wider than the window, no element ends beyond its right edge, no table cell or chip hides
/// part of its text (a name cut with an ellipsis must carry the whole name on hover), and no chart
/// axis prints the same number twice.
/// </summary>
public class ScreenshotTests
{
    private static readonly (int Width, int Height)[] Sizes = [(1366, 768), (1920, 1080)];

    /// <summary>300 characters: longer than names may be now (120), as names stored before the limit are.</summary>
    private static readonly string LongName = "resnet18 cifar lr sweep with cosine warm restarts, label smoothing 0.1, batch 256, mixed precision, " +
        string.Concat(Enumerable.Repeat("and a very long description of what this search tries ", 4))[..200];

    [Fact]
    public async Task EveryPage_LightAndDark_AtTwoSizes_RendersAndNothingIsCutOff()
    {
        await using var app = await SearchApi.StartWithFakeTrainerAsync(epochMilliseconds: 60, cpuSlots: 2);
        using var api = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };
        var searchId = await CreateFinishedSearchAsync(api, TpeSpec());
        var pbtId = await CreateFinishedSearchAsync(api, PbtSpec());
        var longId = await CreateFinishedSearchAsync(api, TpeSpec("long name"));
        await RenameAsync(app, longId, LongName);
        var trials = (await api.GetFromJsonAsync<JsonObject>($"/api/searches/{searchId}/trials?take=3"))!["items"]!.AsArray();
        var (first, second) = (trials[0]!["id"]!.GetValue<long>(), trials[1]!["id"]!.GetValue<long>());
        (string Name, string Path, string Title)[] pages =
        [
            ("searches", "/", "Searches"),
            ("new-search", "/searches/new", "New search"),
            ("search", $"/searches/{searchId}", "screens tpe sweep"),
            ("search-pbt", $"/searches/{pbtId}", "screens pbt"),
            ("search-long-name", $"/searches/{longId}", "resnet18 cifar"),
            ("trial", $"/trials/{first}", "Trial #"),
            ("compare", $"/compare?trials={first},{second}&searches={searchId},{longId}", "Compare"),
            ("queue", "/queue", "Queue"),
            ("playground", "/playground", "Schedule playground"),
            ("teams", "/teams", "Teams"),
            ("audit", "/audit", "Audit log"),
        ];

        await using var browser = await BrowserProcess.StartAsync();
        var problems = new List<string>();
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
                    problems.AddRange((await page.EvaluateAsync<string[]>(CutOffOrOverflowing)).Select(p => $"{name} {theme} {width}x{height}: {p}"));
                    problems.AddRange((await page.EvaluateAsync<string[]>(RepeatedAxisLabels)).Select(p => $"{name} {theme} {width}x{height}: {p}"));
                }

                await context.CloseAsync();
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
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

    // What a person would see as cut off or spilling over, at this window size.
    private const string CutOffOrOverflowing = """
        () => {
          const problems = [];
          const describe = e => `${e.tagName.toLowerCase()}${e.id ? '#' + e.id : ''}${e.className && typeof e.className === 'string' ? '.' + e.className.trim().split(/\s+/).slice(0, 3).join('.') : ''} "${(e.textContent || '').trim().slice(0, 50)}"`;
          const visible = e => { const s = getComputedStyle(e); const r = e.getBoundingClientRect(); return s.visibility !== 'hidden' && s.display !== 'none' && r.width > 0 && r.height > 0; };
          const window = document.documentElement.clientWidth;
          if (document.documentElement.scrollWidth > window + 1)
            problems.push(`the page is ${document.documentElement.scrollWidth}px wide in a ${window}px window`);
          // Boxes that scroll sideways hide their right-hand part (the tables must fit).
          for (const box of document.querySelectorAll('.mud-table-container, .hs-table-scroll, pre'))
            if (visible(box) && box.scrollWidth > box.clientWidth + 1) problems.push(`${describe(box)} is ${box.scrollWidth}px wide in ${box.clientWidth}px`);
          for (const e of document.querySelectorAll('.mud-main-content *, header *, nav *')) { // MudMainContent is a div, not <main>
            if (!visible(e) || e.closest('[data-chart], svg, .mud-popover, .mud-snackbar-provider')) continue;
            const r = e.getBoundingClientRect();
            if (r.right > window + 1) { problems.push(`${describe(e)} ends at ${Math.round(r.right)}px`); break; }
          }
          // Text cut inside table cells, chips and buttons; an ellipsis is allowed where the whole text is on hover.
          for (const e of document.querySelectorAll('th, td, .mud-chip-content, .mud-button-label')) {
            if (!visible(e) || e.querySelector('.hs-ellipsis') || e.closest('.hs-ellipsis')) continue;
            if (e.scrollWidth > e.clientWidth + 1) problems.push(`${describe(e)} is cut off (${e.scrollWidth}px of text in ${e.clientWidth}px)`);
          }
          for (const e of document.querySelectorAll('.hs-ellipsis'))
            if (visible(e) && e.scrollWidth > e.clientWidth + 1 && e.title.trim() !== e.textContent.trim())
              problems.push(`${describe(e)} ends in an ellipsis without its whole text on hover`);
          return problems;
        }
        """;

    // An axis that prints one number for several ticks (0.0107 ×8) says nothing about the values.
    private const string RepeatedAxisLabels = """
        () => {
          const problems = [];
          for (const e of document.querySelectorAll('[data-chart]')) {
            const chart = window.echarts && echarts.getInstanceByDom(e);
            if (!chart) continue;
            const model = chart.getModel();
            for (const kind of ['xAxis', 'yAxis', 'parallelAxis']) {
              (model.getComponent(kind) ? model.queryComponents({ mainType: kind }) : []).forEach((axis, i) => {
                const labels = (axis.axis?.getViewLabels?.() ?? []).map(l => l.formattedLabel);
                const repeated = labels.filter((l, j) => l !== '' && labels.indexOf(l) !== j);
                if (repeated.length > 0) problems.push(`${e.dataset.chart} ${kind}[${i}] repeats ${[...new Set(repeated)].join(', ')} (labels ${labels.join(' ')})`);
              });
            }
          }
          return problems;
        }
        """;

    private static JsonObject TpeSpec(string name = "screens tpe sweep") => new()
    {
        ["name"] = name,
        ["workload"] = "sleep",
        ["strategy"] = "tpe",
        ["budget"] = 14,
        ["parallelism"] = 2,
        ["epochs"] = 12,
        ["seed"] = 3,
        ["space"] = JsonNode.Parse("""
            { "initialLr": { "type": "float", "low": 0.0005, "high": 0.5, "log": true },
              "decay": { "cosine": { "tMax": 12 },
                         "step": { "stepSize": { "type": "int", "low": 2, "high": 6 }, "gamma": { "type": "float", "low": 0.1, "high": 0.9 } } } }
            """),
    };

    private static JsonObject PbtSpec() => new()
    {
        ["name"] = "screens pbt",
        ["workload"] = "sleep",
        ["strategy"] = "pbt",
        ["budget"] = 16,
        ["parallelism"] = 2,
        ["epochs"] = 12,
        ["seed"] = 4,
        ["space"] = JsonNode.Parse("""
            { "initialLr": { "type": "float", "low": 0.001, "high": 0.3, "log": true },
              "decay": { "exponential": { "gamma": { "type": "float", "low": 0.5, "high": 0.99 } } },
              "pbt": { "population": 4, "interval": 3 } }
            """),
    };

    /// <summary>A name as long as those stored before names were limited (the API refuses them now).</summary>
    private static async Task RenameAsync(WebAppProcess app, long searchId, string name)
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(app.DataDirectory, "hypersearch.db")}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "UPDATE Searches SET Name = $name WHERE Id = $id";
        command.Parameters.AddWithValue("$name", name);
        command.Parameters.AddWithValue("$id", searchId);
        Assert.Equal(1, await command.ExecuteNonQueryAsync());
    }

    private static async Task<long> CreateFinishedSearchAsync(HttpClient api, JsonObject spec)
    {
        var id = await SearchApi.CreateAsync(api, spec);
        await SearchApi.WaitForStateAsync(api, id, "completed", TimeSpan.FromSeconds(180));
        return id;
    }
}

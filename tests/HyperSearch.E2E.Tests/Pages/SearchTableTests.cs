using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using HyperSearch.E2E.Tests.Infrastructure;
using Microsoft.Playwright;

namespace HyperSearch.E2E.Tests.Pages;

/// <summary>The Search page's ranked table as a user drives it in Chromium.</summary>
public class SearchTableTests(FinishedSearchFixture fixture) : IClassFixture<FinishedSearchFixture>
{
    private async Task<List<string>> ApiOrderAsync(string sort)
    {
        var page = await fixture.Api.GetFromJsonAsync<JsonObject>($"/api/searches/{fixture.SearchId}/trials?sort={sort}&take=25");
        return [.. page!["items"]!.AsArray().Select(t => t!["number"]!.GetValue<int>().ToString())];
    }

    private static Task<string[]> RowNumbersAsync(IPage page) =>
        page.EvaluateAsync<string[]>("() => [...document.querySelectorAll('#trials-grid tbody tr a[href^=\"trials/\"]')].map(a => a.textContent.trim())");

    [Fact]
    public async Task ClickBest_OnALinkSortedByDecay_RowsTakeTheRankingOrder()
    {
        var byDecay = await ApiOrderAsync("decayType");
        var byRank = await ApiOrderAsync("rank");
        Assert.NotEqual(byDecay, byRank); // the scene must tell the two orders apart
        var page = await fixture.Browser.OpenLiveAsync($"{fixture.App.BaseUrl}/searches/{fixture.SearchId}?sort=decay");
        await page.WaitForFunctionAsync($"() => JSON.stringify([...document.querySelectorAll('#trials-grid tbody tr a[href^=\"trials/\"]')].map(a => a.textContent.trim())) === '{System.Text.Json.JsonSerializer.Serialize(byDecay)}'");

        await page.Locator("#trials-grid thead .sortable-column-header", new() { HasTextString = "Best" }).ClickAsync();

        try
        {
            await page.WaitForFunctionAsync($"() => JSON.stringify([...document.querySelectorAll('#trials-grid tbody tr a[href^=\"trials/\"]')].map(a => a.textContent.trim())) === '{System.Text.Json.JsonSerializer.Serialize(byRank)}'",
                null, new() { Timeout = 10_000 });
        }
        catch (TimeoutException)
        {
            Assert.Fail($"rows {string.Join(",", await RowNumbersAsync(page))}; ranking {string.Join(",", byRank)}; decay order {string.Join(",", byDecay)}; url {page.Url}");
        }
        Assert.DoesNotContain("sort=decay", page.Url);
    }

    [Fact]
    public async Task CompareLink_OpenedByATeammate_ShowsTheSameView()
    {
        var page = await fixture.Browser.OpenLiveAsync($"{fixture.App.BaseUrl}/searches/{fixture.SearchId}");
        await page.CompareFirstTwoTrialsAsync();
        // The switch is drawn again once the trials are loaded; a click before that reaches a switch that is gone.
        await page.WaitForCircuitAsync();
        await Assertions.Expect(page.Locator("#config-diff thead a")).ToHaveCountAsync(2, new() { Timeout = 15_000 });
        await page.Locator("#log-y").Locator("xpath=descendant-or-self::input").CheckAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("log=true"), new() { Timeout = 15_000 });
        // The box is drawn again after the address changes: read the link once it has the scale.
        await Assertions.Expect(page.Locator("#compare-link input")).ToHaveValueAsync(new Regex("log=true"), new() { Timeout = 15_000 });
        var link = await page.Locator("#compare-link input").InputValueAsync();
        var trials = await page.Locator("#config-diff thead a").AllTextContentsAsync();
        var series = await page.EvaluateAsync<string[]>(SeriesNames);

        // Another person: a new browser context, no state but the link.
        var teammate = await fixture.Browser.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1366, Height = 768 } });
        var other = await teammate.NewPageAsync();
        await other.GotoAsync(link);
        await other.WaitForCircuitAsync();

        Assert.StartsWith(fixture.App.BaseUrl + "/compare?trials=", link);
        Assert.Equal(2, trials.Count);
        Assert.Equal(trials, await other.Locator("#config-diff thead a").AllTextContentsAsync());
        Assert.True(await other.Locator("#log-y").Locator("xpath=descendant-or-self::input").IsCheckedAsync());
        await other.WaitForFunctionAsync($"() => JSON.stringify(({SeriesNames})()) === '{System.Text.Json.JsonSerializer.Serialize(series)}'", null, new() { Timeout = 15_000 });
        Assert.Equal(link, await other.Locator("#compare-link input").InputValueAsync());
        await teammate.CloseAsync();
    }

    private const string SeriesNames = """
        () => [...document.querySelectorAll('#compare-loss-chart [data-chart]')].flatMap(e => {
          const chart = window.echarts && echarts.getInstanceByDom(e);
          return chart ? chart.getOption().series.map(s => s.name) : [];
        })
        """;
}

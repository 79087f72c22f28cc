using System.Net.Http.Json;
using System.Text.Json.Nodes;
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
}

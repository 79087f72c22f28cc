using HyperSearch.E2E.Tests.Infrastructure;
using Microsoft.Playwright;

namespace HyperSearch.E2E.Tests.Pages;

/// <summary>
/// The launch form's grid count is computed on the server from what the user types: a huge number
/// must get its message at once and leave no server thread spinning (it used to enumerate a million
/// points per range and compare each with every other before the ≤ 1000 check).
/// </summary>
public class GridPointsTests(FinishedSearchFixture fixture) : IClassFixture<FinishedSearchFixture>
{
    [Fact]
    public async Task GridPoints_AMillionTyped_MessageShownAndNoServerThreadLeftBusy()
    {
        var page = await fixture.Browser.OpenLiveAsync($"{fixture.App.BaseUrl}/searches/new");
        await page.PickAsync("#strategy", "Grid");

        await page.SetFieldAsync("#grid-points input", "1000000");

        await Assertions.Expect(page.Locator("#grid-points")).ToContainTextAsync("must be", new() { Timeout = 10_000 });
        var busy = await ServerThreads.BusyAsync(fixture.App.ProcessId, TimeSpan.FromSeconds(3));
        Assert.True(busy.Count == 0, "threads still busy: " + string.Join("; ", busy));
        // The circuit still answers: a second edit is taken.
        await page.SetFieldAsync("#grid-points input", "4");
        await Assertions.Expect(page.Locator("#trial-count")).ToContainTextAsync("grid of", new() { Timeout = 10_000 });
    }
}

using HyperSearch.E2E.Tests.Infrastructure;
using Microsoft.Playwright;

namespace HyperSearch.E2E.Tests.Pages;

public class LayoutTests(WebAppFixture fixture) : IClassFixture<WebAppFixture>
{
    [Fact]
    public async Task SidebarToggle_Click_ServerCollapsesSidebar()
    {
        var page = await fixture.Browser.OpenLiveAsync(fixture.App.BaseUrl + "/");
        var sidebar = page.Locator(".rz-sidebar");
        await Assertions.Expect(sidebar).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("rz-sidebar-expanded"));

        // The toggle has no client-side behaviour of its own: only a live circuit can collapse it.
        await page.Locator(".rz-sidebar-toggle").ClickAsync();

        await Assertions.Expect(sidebar).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("rz-sidebar-collapsed"));
    }

    [Fact]
    public async Task NavMenu_ClickQueue_NavigatesWithoutReload()
    {
        var page = await fixture.Browser.OpenLiveAsync(fixture.App.BaseUrl + "/");
        await page.EvaluateAsync("() => window.__sameDocument = true");

        await page.GetByText("Queue", new() { Exact = true }).First.ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(fixture.App.BaseUrl + "/queue");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Queue");
        Assert.True(await page.EvaluateAsync<bool>("() => window.__sameDocument === true"), "the page reloaded");
        await page.ScreenshotAsync("layout-queue");
    }
}

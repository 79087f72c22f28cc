using System.Net;
using HyperSearch.E2E.Tests.Infrastructure;
using Microsoft.Playwright;

namespace HyperSearch.E2E.Tests.Flows;

/// <summary>
/// Signing out in one tab of real Chromium, with accounts made by the real CLI: the other tab's open
/// page can no longer act (its next pause is refused and changes nothing), and a copy of the cookie
/// taken before sign-out no longer opens a page; the Export link of a signed-in user downloads.
/// </summary>
public sealed class SignOutFlowTests : IAsyncLifetime
{
    private const string Password = "e2e-password-1234";
    private readonly BrowserFixture browser = new();
    private WebAppProcess app = null!;
    private string database = "";

    public async Task InitializeAsync()
    {
        var data = Directory.CreateTempSubdirectory("hypersearch-e2e-signout-").FullName;
        database = Path.Combine(data, "hypersearch.db");
        await CliProcess.MustAsync(Password, "user", "add", "ann", "--db", database);
        await CliProcess.MustAsync(null, "team", "member", "default", "ann", "--role", "lead", "--db", database);
        var spec = Path.Combine(data, "spec.json");
        await File.WriteAllTextAsync(spec, """
            { "name": "steered", "workload": "two-spirals", "budget": 3, "epochs": 2, "strategy": "random",
              "space": { "initialLr": { "type": "float", "low": 0.001, "high": 0.1, "log": true }, "decay": { "constant": {} } } }
            """);
        await CliProcess.MustAsync(null, "search", "create", "--spec", spec, "--db", database); // search 1, team default
        app = await WebAppProcess.StartAsync(new Dictionary<string, string> { ["HyperSearch__Worker__Embedded"] = "false" }, data);
        await browser.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await browser.DisposeAsync();
        await app.DisposeAsync();
    }

    [Fact]
    public async Task SignOutInOneTab_OtherTabsNextActionIsRefused_SavedCookieNoLongerWorks()
    {
        var first = await browser.NewPageAsync();
        await first.GotoAsync(app.BaseUrl + "/searches/1");
        await first.FillAsync("#userName", "ann");
        await first.FillAsync("#password", Password);
        await first.ClickAsync("#sign-in");
        await first.WaitForURLAsync(app.BaseUrl + "/searches/1", new() { WaitUntil = WaitUntilState.Commit });
        await first.WaitForCircuitAsync();
        // A signed-in user's export link downloads (it pointed at the bearer-only API: 401).
        var export = await first.Context.APIRequest.GetAsync(app.BaseUrl + "/" + await first.Locator("a#export-csv").GetAttributeAsync("href"));
        Assert.Equal((int)HttpStatusCode.OK, export.Status);
        var cookies = await first.Context.CookiesAsync();
        var second = await first.Context.NewPageAsync();
        await second.GotoAsync(app.BaseUrl + "/searches/1");
        await second.WaitForCircuitAsync();
        await second.Locator("#pause").WaitForAsync();

        await first.ClickAsync("#sign-out");
        await first.WaitForURLAsync("**/account/login**");
        await second.ClickAsync("#pause");

        await second.GetByText("You may not change").WaitForAsync();
        var (_, shown) = await CliProcess.RunAsync(null, "search", "show", "1", "--json", "--db", database);
        Assert.Contains("\"state\": \"running\"", shown.Replace("\":\"", "\": \""));
        var replay = await browser.Browser.NewContextAsync();
        await replay.AddCookiesAsync(cookies.Select(c => new Microsoft.Playwright.Cookie { Name = c.Name, Value = c.Value, Domain = c.Domain, Path = c.Path }));
        var stale = await replay.NewPageAsync();
        await stale.GotoAsync(app.BaseUrl + "/searches/1");
        Assert.Contains("/account/login", stale.Url);
    }
}

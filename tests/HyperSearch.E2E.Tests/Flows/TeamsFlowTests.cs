using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using HyperSearch.E2E.Tests.Infrastructure;
using Microsoft.Playwright;

namespace HyperSearch.E2E.Tests.Flows;

/// <summary>
/// Two people of two teams in two browser contexts against the real server with accounts made by
/// the real CLI: each signs in, makes a token on the profile page, launches a search with it, sees
/// only their own search's cancel control — and the server refuses the forged cancel.
/// </summary>
public sealed class TeamsFlowTests : IAsyncLifetime
{
    private const string Password = "e2e-password-1234";
    private readonly BrowserFixture browser = new();
    private WebAppProcess app = null!;

    public async Task InitializeAsync()
    {
        var data = Directory.CreateTempSubdirectory("hypersearch-e2e-teams-").FullName;
        var db = Path.Combine(data, "hypersearch.db");
        await CliProcess.MustAsync(Password, "user", "add", "--admin", "root", "--db", db);
        await CliProcess.MustAsync(Password, "user", "add", "ann", "--db", db);
        await CliProcess.MustAsync(Password, "user", "add", "bea", "--db", db);
        await CliProcess.MustAsync(null, "team", "add", "alpha", "--db", db);
        await CliProcess.MustAsync(null, "team", "add", "beta", "--db", db);
        await CliProcess.MustAsync(null, "team", "member", "alpha", "ann", "--role", "lead", "--db", db);
        await CliProcess.MustAsync(null, "team", "member", "beta", "bea", "--role", "member", "--db", db);
        app = await WebAppProcess.StartAsync(new Dictionary<string, string> { ["HyperSearch__Worker__Embedded"] = "false" }, data);
        await browser.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await browser.DisposeAsync();
        await app.DisposeAsync();
    }

    private async Task<IPage> SignInAsync(string user)
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync(app.BaseUrl + "/");
        Assert.Contains("/account/login", page.Url); // not signed in: the login page
        await page.FillAsync("#userName", user);
        await page.FillAsync("#password", Password);
        await page.ClickAsync("#sign-in");
        await page.WaitForURLAsync(app.BaseUrl + "/");
        await page.WaitForCircuitAsync();
        return page;
    }

    private static async Task<string> CreateTokenAsync(IPage page)
    {
        await page.ClickAsync("a[href='account/profile']");
        await page.Locator("#token-name input").WaitForAsync();
        await page.SetFieldAsync("#token-name input", "e2e");
        await page.PickAsync("#token-scope", "read-write");
        await page.ClickAsync("#create-token");
        var token = (await page.Locator("#new-token").TextContentAsync())!.Trim();
        Assert.StartsWith("hs_", token);
        return token;
    }

    private static string TokenOf(HttpClient api) => api.DefaultRequestHeaders.Authorization!.Parameter!;

    private HttpClient Api(string token)
    {
        var client = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private static JsonObject Spec(string name) => new()
    {
        ["name"] = name, ["workload"] = "two-spirals", ["budget"] = 3, ["epochs"] = 2, ["strategy"] = "random",
        ["space"] = new JsonObject { ["initialLr"] = new JsonObject { ["type"] = "float", ["low"] = 0.001, ["high"] = 0.1, ["log"] = true }, ["decay"] = new JsonObject { ["constant"] = new JsonObject() } },
    };

    private static ILocator Row(IPage page, string search) => page.Locator("#searches-grid tr").Filter(new() { HasText = search });

    [Fact]
    public async Task TwoTeams_EachSeesOnlyTheirOwnControls_AndTheServerRefusesTheForgedCancel()
    {
        var ann = await SignInAsync("ann");
        var bea = await SignInAsync("bea");
        using var annApi = Api(await CreateTokenAsync(ann));
        using var beaApi = Api(await CreateTokenAsync(bea));
        var annSearch = await SearchApi.CreateAsync(annApi, Spec("ann-search"));
        await SearchApi.CreateAsync(beaApi, Spec("bea-search"));

        foreach (var (page, mine, theirs) in new[] { (ann, "ann-search", "bea-search"), (bea, "bea-search", "ann-search") })
        {
            await page.GotoAsync(app.BaseUrl + "/");
            await page.WaitForCircuitAsync();
            await Row(page, theirs).WaitForAsync();
            Assert.Equal(1, await Row(page, mine).Locator(".hs-cancel-search").CountAsync());
            Assert.Equal(0, await Row(page, theirs).Locator(".hs-cancel-search").CountAsync());
            Assert.Equal(0, await Row(page, theirs).Locator("[aria-label='pause']").CountAsync());
            // My team's work first.
            Assert.Contains(mine, await page.Locator("#searches-grid tbody tr").First.TextContentAsync());
        }
        await ann.ScreenshotAsync("teams-searches-ann");

        using var forged = await beaApi.PostAsync($"/api/searches/{annSearch}/cancel",
            new StringContent("{}", System.Text.Encoding.UTF8, "application/json"));
        using var forgedPriority = await beaApi.PostAsync($"/api/searches/{annSearch}/priority",
            new StringContent("""{ "priority": 99 }""", System.Text.Encoding.UTF8, "application/json"));
        using var own = await annApi.PostAsync($"/api/searches/{annSearch}/priority",
            new StringContent("""{ "priority": 99 }""", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, forgedPriority.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, own.StatusCode); // ann leads alpha
    }

    [Fact]
    public async Task Cli_WithToken_ListsThroughTheServer_RefusesWithoutOrWithTheWrongUsersToken()
    {
        var ann = await SignInAsync("ann");
        var bea = await SignInAsync("bea");
        using var annApi = Api(await CreateTokenAsync(ann));
        using var beaApi = Api(await CreateTokenAsync(bea));
        var id = await SearchApi.CreateAsync(annApi, Spec("cli-search"));

        var (listExit, list) = await CliProcess.RunAsync(null, "search", "list", "--server", app.BaseUrl, "--token", TokenOf(beaApi));
        var (anonymousExit, anonymous) = await CliProcess.RunAsync(null, "search", "list", "--server", app.BaseUrl);
        var (forgedExit, forged) = await CliProcess.RunAsync(null, "search", "cancel", id.ToString(), "--server", app.BaseUrl, "--token", TokenOf(beaApi));
        var (ownExit, own) = await CliProcess.RunAsync(null, "search", "cancel", id.ToString(), "--server", app.BaseUrl, "--token", TokenOf(annApi));

        Assert.Equal(0, listExit);
        Assert.Matches(@"cli-search\s+alpha\s+ann", list);
        Assert.Equal(1, anonymousExit);
        Assert.Contains("valid token", anonymous);
        Assert.Equal(1, forgedExit);
        Assert.Contains("Forbidden", forged);
        Assert.Equal(0, ownExit);
        Assert.Contains($"search {id} cancelled", own);
    }
}

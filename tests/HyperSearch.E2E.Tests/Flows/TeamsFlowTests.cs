using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
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
        await CliProcess.MustAsync(Password, "user", "add", "val", "--db", db);
        await CliProcess.MustAsync(null, "team", "add", "alpha", "--db", db);
        await CliProcess.MustAsync(null, "team", "add", "beta", "--db", db);
        await CliProcess.MustAsync(null, "team", "member", "alpha", "ann", "--role", "lead", "--db", db);
        await CliProcess.MustAsync(null, "team", "member", "beta", "bea", "--role", "member", "--db", db);
        await CliProcess.MustAsync(null, "team", "member", "alpha", "val", "--role", "viewer", "--db", db);
        // These flows look at what a member of another team may do with a search she sees: read isolation
        // (on by default, which hides it from her) is off here; SignOutFlowTests and ReadIsolation* cover it on.
        app = await WebAppProcess.StartAsync(new Dictionary<string, string>
        {
            ["HyperSearch__Worker__Embedded"] = "false",
            ["HyperSearch__Accounts__ReadIsolation"] = "off",
        }, data);
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
        // Signed in: redirected home, and the page is live. Not the "load" event as well: the circuit is
        // the readiness this needs, and one CI run timed out waiting for "load" on a page that had
        // already reached network idle.
        await page.WaitForURLAsync(app.BaseUrl + "/", new() { WaitUntil = WaitUntilState.Commit });
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

    private static StringContent Json(string body) => new(body, System.Text.Encoding.UTF8, "application/json");

    [Fact]
    public async Task SearchAndTrialPages_OtherTeamSeesNoSteeringControls_AndItsForgedRequestsChangeNothing()
    {
        var ann = await SignInAsync("ann"); // lead of alpha
        var bea = await SignInAsync("bea"); // member of beta
        using var annApi = Api(await CreateTokenAsync(ann));
        using var beaApi = Api(await CreateTokenAsync(bea));
        var search = await SearchApi.CreateAsync(annApi, Spec("ann-search"));
        const string config = """{ "initialLr": 0.01, "decay": { "type": "constant" } }""";
        using var added = await annApi.PostAsync($"/api/searches/{search}/trials", Json(config));
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        var trial = JsonNode.Parse(await added.Content.ReadAsStringAsync())!["id"]!.GetValue<long>();

        string[] searchControls = ["#pause", "#cancel-search", ".hs-priority-up", ".hs-priority-down"];
        string[] trialControls = ["#rerun", "#cancel-trial"];
        foreach (var (page, shown) in new[] { (ann, true), (bea, false) })
        {
            await page.GotoAsync($"{app.BaseUrl}/searches/{search}");
            await page.WaitForCircuitAsync();
            await page.Locator("#search-progress").WaitForAsync();
            await AssertControlsAsync(page, searchControls, shown);
            Assert.Equal(shown ? 0 : 1, await page.Locator("#search-priority").CountAsync()); // bea reads the priority, cannot change it
            await page.GotoAsync($"{app.BaseUrl}/trials/{trial}");
            await page.WaitForCircuitAsync();
            await page.Locator("#config-json").WaitForAsync();
            await AssertControlsAsync(page, trialControls, shown);
        }
        await bea.ScreenshotAsync("teams-trial-page-other-team");

        var forged = new List<HttpResponseMessage>
        {
            await beaApi.PostAsync($"/api/searches/{search}/pause", Json("{}")),
            await beaApi.PostAsync($"/api/searches/{search}/cancel", Json("{}")),
            await beaApi.PostAsync($"/api/searches/{search}/priority", Json("""{ "priority": 500 }""")),
            await beaApi.PostAsync($"/api/searches/{search}/trials", Json(config)),
            await beaApi.PostAsync($"/api/trials/{trial}/cancel", Json("{}")),
        };

        Assert.All(forged, response => Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode));
        forged.ForEach(response => response.Dispose());
        var after = (await beaApi.GetFromJsonAsync<JsonObject>($"/api/searches/{search}"))!["summary"]!;
        Assert.Equal("running", after["state"]!.GetValue<string>());
        Assert.Equal(0, after["priority"]!.GetValue<int>());
        Assert.Equal(1, after["counts"]!["queued"]!.GetValue<int>());
        Assert.Equal("queued", (await beaApi.GetFromJsonAsync<JsonObject>($"/api/trials/{trial}"))!["state"]!.GetValue<string>());
    }

    private static async Task AssertControlsAsync(IPage page, string[] selectors, bool shown)
    {
        foreach (var selector in selectors)
        {
            if (shown) await page.Locator(selector).First.WaitForAsync(new() { Timeout = 10_000 });
            else Assert.Equal(0, await page.Locator(selector).CountAsync());
        }
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

    [Fact]
    public async Task Viewer_MenuAndListOfferNothingSheCannotUse()
    {
        var val = await SignInAsync("val"); // viewer of alpha

        await Assertions.Expect(val.Locator("#menu")).ToContainTextAsync("Queue");
        Assert.Equal(0, await val.Locator("#menu a[href='searches/new']").CountAsync());
        Assert.Equal(0, await val.Locator("#menu a[href='teams']").CountAsync());
        Assert.Equal(0, await val.Locator("#menu a[href='audit']").CountAsync());
        Assert.Equal(0, await val.Locator("#new-search").CountAsync());
        // Not even in words: the empty list used to say "start one with New search".
        await Assertions.Expect(val.Locator("#searches-grid")).ToContainTextAsync("No searches yet");
        Assert.DoesNotContain("New search", await val.Locator(".mud-main-content").InnerTextAsync());
        await val.ScreenshotAsync("teams-viewer-searches");
    }

    [Fact]
    public async Task SignInPage_DarkThemeChosen_IsDarkAndFitsTheWindow()
    {
        var context = await browser.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1366, Height = 768 } });
        await context.AddCookiesAsync([new() { Name = "hs-theme", Value = "dark", Url = app.BaseUrl }]);
        var page = await context.NewPageAsync();

        await page.GotoAsync(app.BaseUrl + "/account/login");

        // The page's own background, as MudBlazor's dark palette paints it (it was white).
        var rgb = await page.EvaluateAsync<double[]>("() => getComputedStyle(document.body).backgroundColor.match(/\\d+(\\.\\d+)?/g).slice(0, 3).map(Number)");
        Assert.True(rgb.Average() < 80, $"the sign-in page is light in the dark theme: rgb({string.Join(", ", rgb)})");
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= document.documentElement.clientWidth"));
        await page.ScreenshotAsync("login-dark-1366x768");
    }
}

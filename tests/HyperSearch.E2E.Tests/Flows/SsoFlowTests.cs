using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using HyperSearch.E2E.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.Playwright;

namespace HyperSearch.E2E.Tests.Flows;

/// <summary>
/// Single sign-on in real Chromium against a real OpenID Connect provider (OpenIddict, started here
/// on a loopback port): the whole redirect → provider login → code → token exchange → callback runs
/// for real; the test then reads the app's database to see what the sign-in made of the person.
/// </summary>
public sealed class SsoFlowTests : IAsyncLifetime
{
    private const string Password = "e2e-password-1234";
    private const string Subject = "provider-subject-0042";
    private readonly BrowserFixture browser = new();
    private OidcProvider provider = null!;
    private WebAppProcess app = null!;
    private string db = null!;

    public async Task InitializeAsync()
    {
        var data = Directory.CreateTempSubdirectory("hypersearch-e2e-sso-").FullName;
        db = Path.Combine(data, "hypersearch.db");
        await CliProcess.MustAsync(Password, "user", "add", "--admin", "root", "--db", db);
        await CliProcess.MustAsync(Password, "user", "add", "ann", "--db", db); // a local account with the provider user's name
        await CliProcess.MustAsync(null, "team", "add", "vision", "--db", db);
        await CliProcess.MustAsync(null, "team", "add", "speech", "--db", db);
        var baseUrl = $"http://127.0.0.1:{WebAppProcess.FreePort()}";
        provider = await OidcProvider.StartAsync(baseUrl + "/signin-oidc", new Dictionary<string, OidcProvider.Person>
        {
            ["ann"] = new(Subject, "ann", ["vision", "no-such-team"]),
            ["mallory"] = new("provider-subject-0666", "mallory", ["vision"], Refused: true),
        });
        app = await WebAppProcess.StartAsync(new Dictionary<string, string>
        {
            ["HyperSearch__Worker__Embedded"] = "false",
            ["HyperSearch__Sso__Authority"] = provider.Authority,
            ["HyperSearch__Sso__ClientId"] = OidcProvider.ClientId,
            ["HyperSearch__Sso__ClientSecret"] = OidcProvider.ClientSecret,
            ["HyperSearch__Sso__DisplayName"] = "Test IdP",
            ["HyperSearch__Sso__TeamsClaim"] = "groups",
            ["HyperSearch__Sso__Role"] = "member",
            ["HyperSearch__Sso__RequireHttpsMetadata"] = "false",
        }, data, baseUrl);
        await browser.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await browser.DisposeAsync();
        await app.DisposeAsync();
        await provider.DisposeAsync();
    }

    /// <summary>From the app's login page through the provider's and back; the page ends where the app sent it.</summary>
    private async Task<IPage> SignInWithProviderAsync(string user)
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync(app.BaseUrl + "/");
        Assert.Contains("/account/login", page.Url);
        Assert.Equal("Sign in with Test IdP", (await page.Locator("#sign-in-sso").TextContentAsync())!.Trim());
        // The first challenge has the app fetch the provider's discovery document and keys: on a loaded
        // machine that alone took more than Playwright's 30 s navigation wait.
        await page.ClickAsync("#sign-in-sso", new() { Timeout = 90_000 });
        try
        {
            await page.WaitForURLAsync(provider.Authority + "login**", new() { Timeout = 90_000 });
        }
        catch (TimeoutException e)
        {
            throw new TimeoutException($"not at the provider's login page but at {page.Url}:\n{app.Output}", e);
        }
        await page.FillAsync("#provider-user", user);
        await page.ClickAsync("#provider-sign-in", new() { Timeout = 90_000 });
        await page.WaitForURLAsync(url => url.StartsWith(app.BaseUrl, StringComparison.Ordinal) && !url.Contains("/signin-oidc") && !url.Contains("/account/sso"),
            new() { Timeout = 90_000 });
        return page;
    }

    private async Task<List<string[]>> QueryAsync(string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={db}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string[]>();
        while (await reader.ReadAsync()) rows.Add([.. Enumerable.Range(0, reader.FieldCount).Select(i => reader.GetValue(i).ToString()!)]);
        return rows;
    }

    private const string Links = "SELECT u.UserName, l.LoginProvider, l.ProviderKey, u.Id FROM AspNetUserLogins l JOIN AspNetUsers u ON u.Id = l.UserId";
    private const string Memberships = "SELECT t.Name, u.UserName, m.Role FROM TeamMembers m JOIN Teams t ON t.Id = m.TeamId JOIN AspNetUsers u ON u.Id = m.UserId ORDER BY t.Name, u.UserName";

    private static JsonObject Spec(string team) => new()
    {
        ["name"] = "sso-search", ["team"] = team, ["workload"] = "two-spirals", ["budget"] = 2, ["epochs"] = 1, ["strategy"] = "random",
        ["space"] = new JsonObject { ["initialLr"] = new JsonObject { ["type"] = "float", ["low"] = 0.001, ["high"] = 0.1, ["log"] = true }, ["decay"] = new JsonObject { ["constant"] = new JsonObject() } },
    };

    [Fact]
    public async Task SignIn_NewPerson_LinkedAccountInTheMappedTeamThatCanLaunch_SecondSignInReusesIt()
    {
        var page = await SignInWithProviderAsync("ann");
        Assert.Equal(app.BaseUrl + "/", page.Url);
        await page.WaitForCircuitAsync();

        // A new account linked by (provider, subject): the local "ann" is another person with the same name.
        var link = Assert.Single(await QueryAsync(Links));
        Assert.Equal(["ann-2", "oidc", Subject], link[..3]);
        Assert.Equal([["vision", "ann-2", "Member"]], await QueryAsync(Memberships)); // unknown teams are ignored by default
        Assert.Empty(await QueryAsync("SELECT Id FROM Teams WHERE Name = 'no-such-team'"));

        // Signed in with the app's own cookie: the profile page makes a token, and the token launches in the team.
        await page.ClickAsync("a[href='account/profile']");
        await page.Locator("#token-name input").WaitForAsync();
        await page.SetFieldAsync("#token-name input", "sso");
        await page.PickAsync("#token-scope", "read-write");
        await page.ClickAsync("#create-token");
        using var api = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", (await page.Locator("#new-token").TextContentAsync())!.Trim());
        var id = await SearchApi.CreateAsync(api, Spec("vision"));
        var summary = (await api.GetFromJsonAsync<JsonObject>($"/api/searches/{id}"))!["summary"]!;
        Assert.Equal("vision", summary["teamName"]!.GetValue<string>());
        Assert.Equal("ann-2", summary["owner"]!.GetValue<string>());
        using var speech = await api.PostAsJsonAsync("/api/searches", Spec("speech"));
        Assert.Equal(HttpStatusCode.Forbidden, speech.StatusCode); // not a team the claim named

        // Again, in a fresh browser (new provider session too): the same account, nothing new.
        var again = await SignInWithProviderAsync("ann");
        Assert.Equal(app.BaseUrl + "/", again.Url);
        Assert.Equal([link], await QueryAsync(Links));
        Assert.Equal(3, (await QueryAsync("SELECT Id FROM AspNetUsers")).Count); // root, ann, ann-2
        await again.ScreenshotAsync("sso-signed-in");
    }

    [Fact]
    public async Task SignIn_ProviderRefusesOrStateTampered_BackToTheLoginPageWithAMessage_NoAccount()
    {
        var refused = await SignInWithProviderAsync("mallory");
        Assert.Contains("/account/login?error=sso", refused.Url);
        Assert.Contains("Single sign-on did not complete", await refused.Locator("#login-error").TextContentAsync());

        var page = await browser.NewPageAsync();
        foreach (var forged in new[] { "/signin-oidc?code=forged&state=tampered", "/signin-oidc?error=server_error&state=tampered", "/signin-oidc", "/account/sso/callback" })
        {
            var response = await page.GotoAsync(app.BaseUrl + forged);
            Assert.Equal(200, response!.Status); // the login page, after a redirect: never a 500
            Assert.Contains("/account/login?error=sso", page.Url);
            Assert.Contains("Single sign-on did not complete", await page.Locator("#login-error").TextContentAsync());
        }

        Assert.Empty(await QueryAsync(Links));
        Assert.Equal(2, (await QueryAsync("SELECT Id FROM AspNetUsers")).Count);
        Assert.DoesNotContain("Unhandled exception", app.Output);
    }
}

using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using HyperSearch.Core.Access;
using HyperSearch.Data.Accounts;
using Microsoft.Extensions.DependencyInjection;

namespace HyperSearch.Web.Tests.Accounts;

/// <summary>The JSON API with accounts: bearer tokens only, scopes, expiry, and team rules — 401/403, never 500.</summary>
public sealed class AccountApiTests : IClassFixture<AccountsFactory>, IAsyncLifetime
{
    private readonly AccountsFactory factory;

    public AccountApiTests(AccountsFactory factory) => this.factory = factory;

    public Task InitializeAsync() => factory.SeedAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private static string Spec(string name, string? team = null) => $$"""
        { "name": "{{name}}", "owner": "someone-else", {{(team is null ? "" : $"\"team\": \"{team}\",")}} "workload": "two-spirals", "budget": 4, "epochs": 3, "strategy": "random",
          "space": { "initialLr": { "type": "float", "low": 0.001, "high": 0.1, "log": true }, "decay": { "constant": {} } } }
        """;

    private HttpClient Client(string? token)
    {
        var client = factory.CreateClient();
        if (token is not null) client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string url, string body = "{}") =>
        client.PostAsync(url, new StringContent(body, Encoding.UTF8, "application/json"));

    private async Task<long> LaunchAsync(string user, string name, string? team = null)
    {
        using var response = await PostAsync(Client(await factory.TokenAsync(user)), "/api/searches", Spec(name, team));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
    }

    [Fact]
    public async Task Get_NoToken_Returns401()
    {
        using var response = await Client(null).GetAsync("/api/searches");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Get_UnknownToken_Returns401NamingTheReason()
    {
        using var response = await Client("hs_not-a-real-token").GetAsync("/api/searches");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("unknown token", response.Headers.WwwAuthenticate.ToString());
    }

    [Fact]
    public async Task Get_ExpiredToken_Returns401Expired()
    {
        var token = await factory.TokenAsync("val", TokenScope.Read);
        await factory.ExpireTokensOfAsync("val");

        using var response = await Client(token).GetAsync("/api/searches");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("expired", response.Headers.WwwAuthenticate.ToString());
    }

    [Fact]
    public async Task Post_ReadOnlyToken_ReadsButCannotWrite()
    {
        var id = await LaunchAsync("ann", "for-read-only");
        var client = Client(await factory.TokenAsync("ann", TokenScope.Read));

        using var list = await client.GetAsync("/api/searches");
        using var create = await PostAsync(client, "/api/searches", Spec("read-only-launch"));
        using var cancel = await PostAsync(client, $"/api/searches/{id}/cancel");

        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, create.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, cancel.StatusCode);
        Assert.Contains("read-only", await cancel.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Create_MemberToken_SearchBelongsToTheirTeamAndAccountNotTheDocumentsOwner()
    {
        var id = await LaunchAsync("ann", "ann-search");

        var search = await Client(await factory.TokenAsync("val", TokenScope.Read)).GetFromJsonAsync<JsonElement>($"/api/searches/{id}");
        var summary = search.GetProperty("summary");
        Assert.Equal("alpha", summary.GetProperty("teamName").GetString());
        Assert.Equal("ann", summary.GetProperty("owner").GetString());
        Assert.Equal(await factory.UserIdAsync("ann"), summary.GetProperty("launchedByUserId").GetString());
    }

    [Fact]
    public async Task Create_TeamTheyAreNotIn_Returns403_UnknownTeam_Returns400NamingTheField()
    {
        var client = Client(await factory.TokenAsync("ann"));

        using var foreign = await PostAsync(client, "/api/searches", Spec("into-beta", team: "beta"));
        using var unknown = await PostAsync(client, "/api/searches", Spec("into-nowhere", team: "nowhere"));
        using var viewer = await PostAsync(Client(await factory.TokenAsync("val")), "/api/searches", Spec("viewer-launch"));

        Assert.Equal(HttpStatusCode.Forbidden, foreign.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("\"team\"", await unknown.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Forbidden, viewer.StatusCode);
    }

    [Fact]
    public async Task Steer_OtherTeam404_NotTheirs403_LeadAndAdmin_Succeed()
    {
        var id = await LaunchAsync("ann", "steer-me");
        var bea = Client(await factory.TokenAsync("bea"));
        var ann = Client(await factory.TokenAsync("ann"));
        var lee = Client(await factory.TokenAsync("lee"));
        var root = Client(await factory.TokenAsync("root"));

        using var beaPause = await PostAsync(bea, $"/api/searches/{id}/pause");
        using var beaPriority = await PostAsync(bea, $"/api/searches/{id}/priority", """{ "priority": 50 }""");
        using var annPriority = await PostAsync(ann, $"/api/searches/{id}/priority", """{ "priority": 50 }""");
        using var annPause = await PostAsync(ann, $"/api/searches/{id}/pause");
        using var leePriority = await PostAsync(lee, $"/api/searches/{id}/priority", """{ "priority": 50 }""");
        using var rootResume = await PostAsync(root, $"/api/searches/{id}/resume");

        // Read isolation: another team's search answers as one that does not exist.
        Assert.Equal(HttpStatusCode.NotFound, beaPause.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, beaPriority.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, annPriority.StatusCode); // members do not set priorities; leads do
        Assert.Equal(HttpStatusCode.NoContent, annPause.StatusCode);   // their own search
        Assert.Equal(HttpStatusCode.NoContent, leePriority.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, rootResume.StatusCode);
        var log = (await factory.Services.GetRequiredService<AuditLog>().ListAsync()).Where(e => e.SearchId == id)
            .Select(e => $"{e.Actor} {e.Action} {e.Detail}".TrimEnd()).Reverse().ToList();
        Assert.Equal(["ann launch “steer-me” in team 2 via the API", "ann pause", "lee priority priority 50", "root resume"], log); // refusals leave no entry
    }

    [Fact]
    public async Task AddTrial_OtherTeam_Returns404_Owner_Adds_AndIsAudited()
    {
        var id = await LaunchAsync("ann", "rerun-me");
        const string config = """{ "initialLr": 0.01, "decay": { "type": "constant" } }""";

        using var forged = await PostAsync(Client(await factory.TokenAsync("bea")), $"/api/searches/{id}/trials", config);
        using var own = await PostAsync(Client(await factory.TokenAsync("ann")), $"/api/searches/{id}/trials", config);

        Assert.Equal(HttpStatusCode.NotFound, forged.StatusCode);
        Assert.Equal(HttpStatusCode.Created, own.StatusCode);
        var log = (await factory.Services.GetRequiredService<AuditLog>().ListAsync()).Where(e => e.SearchId == id).Select(e => $"{e.Actor} {e.Action}").ToList();
        Assert.Contains("ann add-trial", log);
        Assert.DoesNotContain("bea add-trial", log);
    }

    [Fact]
    public async Task Steer_MissingSearch_Returns404NotForbiddenOr500()
    {
        using var response = await PostAsync(Client(await factory.TokenAsync("bea")), "/api/searches/999999/cancel");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Api_SessionCookieOnly_Returns401_ThePagesAcceptIt()
    {
        var client = factory.BrowserLikeClient();
        Assert.Equal("/queue", await AccountsFactory.SignInAsync(client, "ann", AccountsFactory.Password, "/queue"));

        using var page = await client.GetAsync("/queue");
        using var api = await client.GetAsync("/api/searches");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
    }
}

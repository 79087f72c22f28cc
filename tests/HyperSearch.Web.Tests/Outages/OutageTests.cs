using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using HyperSearch.Cli.Tests.Queue;
using HyperSearch.Data;
using HyperSearch.Web.Tests.Accounts;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace HyperSearch.Web.Tests.Outages;

/// <summary>
/// The real app on a real database that goes away: a SQLite file write-locked by another connection,
/// a private PostgreSQL cluster stopped. Pages and API, with accounts and without, answer as
/// docs/reliability.md says: reads that need no write go on; what cannot be answered is a 503 with
/// Retry-After, a body and the security headers — never a 500, an empty body or a request waiting on a
/// write authentication made.
/// </summary>
public sealed class OutageTests
{
    private const string Spec = """
        { "name": "outage", "workload": "two-spirals", "budget": 4, "epochs": 3, "strategy": "random",
          "space": { "initialLr": { "type": "float", "low": 0.001, "high": 0.1, "log": true }, "decay": { "constant": {} } } }
        """;

    [Fact]
    public async Task SqliteWriteLocked_AccountsOn_ReadsAnswer200_WriteAnswers503_TokenUseWrittenAfterwards()
    {
        // Default Timeout=1: Microsoft.Data.Sqlite's own busy retries stop after 1 s, so SQLite's busy_timeout (10 s) is the wait.
        using var factory = new AccountsFactory { Environment = "Production", SqliteOptions = ";Default Timeout=1" };
        await factory.SeedAsync();
        var launcher = Bearer(factory, await factory.TokenAsync("ann"));
        using var created = await PostJsonAsync(launcher, "/api/searches", Spec);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var fresh = await factory.TokenAsync("val"); // never used: its first use is due to be recorded
        var browser = factory.BrowserLikeClient();
        await AccountsFactory.SignInAsync(browser, "ann", AccountsFactory.Password);

        await using (var locker = await LockAsync(factory.DatabaseFile))
        {
            using var api = await Bearer(factory, fresh).GetAsync("/api/searches");
            using var page = await browser.GetAsync("/queue");
            using var write = await PostJsonAsync(launcher, "/api/searches/1/pause", "{}");

            // Before: the token check wrote its last use first, waited out the lock and answered 500 with an empty body.
            Assert.Equal(HttpStatusCode.OK, api.StatusCode);
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            await AssertUnavailableProblemAsync(write, "database is locked");
        }

        await AssertEventuallyAsync(async () => await LastUsedAsync(factory, "val") is not null, "the token's last use is written once the lock is gone");
    }

    [Fact]
    public async Task SqliteWriteLocked_OpenMode_PagesAndApiRead200()
    {
        using var factory = new AccountsFactory { Environment = "Production", SqliteOptions = ";Default Timeout=1" };
        var client = factory.CreateClient();
        using var created = await PostJsonAsync(client, "/api/searches", Spec);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        await using var locker = await LockAsync(factory.DatabaseFile);
        using var api = await client.GetAsync("/api/searches/1");
        using var page = await client.GetAsync("/queue");

        Assert.Equal(HttpStatusCode.OK, api.StatusCode);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }

    [PostgresTheory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task PostgresStopped_PagesAndApi_Answer503WithRetryAfterBodyAndSecurityHeaders_ThenRecover(bool accounts)
    {
        await using var cluster = await PrivatePostgres.StartAsync();
        var connection = await CreateDatabaseAsync(cluster.Admin, "hs_outage");
        using var factory = new AccountsFactory { Postgres = connection, Environment = "Production" };
        HttpClient api, browser;
        if (accounts)
        {
            await factory.SeedAsync();
            api = Bearer(factory, await factory.TokenAsync("ann"));
            browser = factory.BrowserLikeClient();
            await AccountsFactory.SignInAsync(browser, "ann", AccountsFactory.Password);
        }
        else
        {
            api = browser = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        }
        using (var before = await api.GetAsync("/api/searches")) Assert.Equal(HttpStatusCode.OK, before.StatusCode);

        var restart = cluster.RestartAsync(down: 8);
        await AssertEventuallyAsync(async () => !await ReachableAsync(connection), "the cluster has stopped");
        using var apiDown = await api.GetAsync("/api/searches");
        using var pageDown = await browser.SendAsync(PageRequest("/queue"));
        await restart;

        // Before: with accounts, 500 and an empty body for both (the token check and the page's error page read the database).
        await AssertUnavailableProblemAsync(apiDown, "database");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, pageDown.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(5), pageDown.Headers.RetryAfter?.Delta);
        Assert.Equal("text/html", pageDown.Content.Headers.ContentType?.MediaType);
        Assert.Contains("The database is unavailable", await pageDown.Content.ReadAsStringAsync());
        AssertSecurityHeaders(pageDown);
        await AssertEventuallyAsync(async () =>
        {
            using var page = await browser.SendAsync(PageRequest("/queue"));
            using var list = await api.GetAsync("/api/searches");
            return page.StatusCode == HttpStatusCode.OK && list.StatusCode == HttpStatusCode.OK;
        }, "pages and API answer again after the restart");
    }

    private static HttpClient Bearer(AccountsFactory factory, string token)
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private static HttpRequestMessage PageRequest(string path)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Accept.ParseAdd("text/html,application/xhtml+xml");
        return request;
    }

    private static Task<HttpResponseMessage> PostJsonAsync(HttpClient client, string url, string body) =>
        client.PostAsync(url, new StringContent(body, Encoding.UTF8, "application/json"));

    private static async Task AssertUnavailableProblemAsync(HttpResponseMessage response, string detail)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.ServiceUnavailable, $"{(int)response.StatusCode}: {body}");
        Assert.Equal(TimeSpan.FromSeconds(5), response.Headers.RetryAfter?.Delta);
        using var problem = JsonDocument.Parse(body);
        Assert.Equal("The database is unavailable; try again shortly.", problem.RootElement.GetProperty("title").GetString());
        Assert.Contains(detail, problem.RootElement.GetProperty("detail").GetString());
        AssertSecurityHeaders(response);
    }

    private static void AssertSecurityHeaders(HttpResponseMessage response)
    {
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Contains("frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single());
    }

    /// <summary>Another connection holds SQLite's write lock (BEGIN EXCLUSIVE) until disposed; WAL readers go on.</summary>
    private static async Task<SqliteConnection> LockAsync(string file)
    {
        var locker = new SqliteConnection($"Data Source={file};Pooling=False");
        await locker.OpenAsync();
        await using var command = locker.CreateCommand();
        command.CommandText = "BEGIN EXCLUSIVE";
        await command.ExecuteNonQueryAsync();
        return locker;
    }

    private static async Task<DateTimeOffset?> LastUsedAsync(AccountsFactory factory, string user)
    {
        var id = await factory.UserIdAsync(user);
        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<HyperSearchDbContext>>().CreateDbContextAsync();
        return await db.ApiTokens.Where(t => t.UserId == id).Select(t => t.LastUsedAt).SingleAsync();
    }

    private static async Task<string> CreateDatabaseAsync(string admin, string name)
    {
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await command.ExecuteNonQueryAsync();
        }
        return new NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString;
    }

    private static async Task<bool> ReachableAsync(string connection)
    {
        try
        {
            await using var probe = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connection) { Pooling = false, Timeout = 2 }.ConnectionString);
            await probe.OpenAsync();
            return true;
        }
        catch (NpgsqlException)
        {
            return false;
        }
    }

    private static async Task AssertEventuallyAsync(Func<Task<bool>> condition, string what)
    {
        for (var deadline = DateTime.UtcNow.AddSeconds(30); DateTime.UtcNow < deadline; await Task.Delay(200))
        {
            if (await condition()) return;
        }
        Assert.Fail($"not within 30 s: {what}");
    }
}

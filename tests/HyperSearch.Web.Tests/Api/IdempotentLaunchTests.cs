using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using HyperSearch.Data;
using HyperSearch.Data.Accounts;
using HyperSearch.Web.Tests.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace HyperSearch.Web.Tests.Api;

/// <summary>
/// POST /api/searches with an Idempotency-Key on the real app and a real database: a retry returns
/// the first search, whatever the race, and every saved launch has exactly one audit entry.
/// </summary>
public sealed class IdempotentLaunchTests
{
    private static string Spec(string name) => $$"""
        { "name": "{{name}}", "workload": "two-spirals", "budget": 4, "epochs": 3, "strategy": "random",
          "space": { "initialLr": { "type": "float", "low": 0.001, "high": 0.1, "log": true }, "decay": { "constant": {} } } }
        """;

    private static async Task<HttpResponseMessage> LaunchAsync(HttpClient client, string body, string? key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/searches") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (key is not null) request.Headers.Add("Idempotency-Key", key);
        return await client.SendAsync(request);
    }

    private static async Task<long> IdOfAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.GetProperty("id").GetInt64();
    }

    private static async Task<(int Searches, int LaunchEntries)> CountAsync(AccountsFactory factory)
    {
        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<HyperSearchDbContext>>().CreateDbContextAsync();
        return (await db.Searches.CountAsync(), await db.AuditLog.CountAsync(e => e.Action == AuditAction.Launch));
    }

    [Fact]
    public async Task Launch_SameKeyTwice_SecondReturnsTheFirstSearch_OneSearchOneAuditEntry()
    {
        using var factory = new AccountsFactory();
        var client = factory.CreateClient();

        using var first = await LaunchAsync(client, Spec("once"), "launch-7f3a");
        using var retry = await LaunchAsync(client, Spec("once"), "launch-7f3a");
        using var other = await LaunchAsync(client, Spec("once"), "launch-other");

        var id = await IdOfAsync(first);
        Assert.Equal(id, await IdOfAsync(retry));
        Assert.Equal($"/api/searches/{id}", retry.Headers.Location!.OriginalString);
        Assert.Equal("true", retry.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.NotEqual(id, await IdOfAsync(other));
        Assert.Equal((2, 2), await CountAsync(factory));
    }

    [Fact]
    public async Task Launch_SameKeyOtherBody_Refused422NamingTheKey_NothingWritten()
    {
        using var factory = new AccountsFactory();
        var client = factory.CreateClient();
        await IdOfAsync(await LaunchAsync(client, Spec("first"), "k-1"));

        using var reused = await LaunchAsync(client, Spec("second"), "k-1");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, reused.StatusCode);
        Assert.Contains("Idempotency-Key", await reused.Content.ReadAsStringAsync());
        Assert.Equal((1, 1), await CountAsync(factory));
    }

    [Theory]
    [InlineData("has space", 1)]
    [InlineData("x", 256)]
    public async Task Launch_MalformedKey_Refused400NamingTheHeader(string key, int repeat)
    {
        using var factory = new AccountsFactory();

        using var response = await LaunchAsync(factory.CreateClient(), Spec("bad-key"), string.Concat(Enumerable.Repeat(key, repeat)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("\"Idempotency-Key\"", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Launch_SameKeyTwoUsers_EachGetsTheirOwnSearch()
    {
        using var factory = new AccountsFactory();
        await factory.SeedAsync();
        HttpClient As(string token) { var c = factory.CreateClient(); c.DefaultRequestHeaders.Authorization = new("Bearer", token); return c; }

        var ann = await IdOfAsync(await LaunchAsync(As(await factory.TokenAsync("ann")), Spec("shared-key"), "same"));
        var lee = await IdOfAsync(await LaunchAsync(As(await factory.TokenAsync("lee")), Spec("shared-key"), "same"));

        Assert.NotEqual(ann, lee);
    }

    [Fact]
    public async Task Launch_SameKeyConcurrently_Sqlite_OneSearch() => await ConcurrentAsync(new AccountsFactory());

    [Outages.PostgresFact]
    public async Task Launch_SameKeyConcurrently_Postgres_OneSearch()
    {
        var admin = Environment.GetEnvironmentVariable("HYPERSEARCH_TEST_POSTGRES")!;
        var name = $"hs_idem_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await new NpgsqlCommand($"CREATE DATABASE {name}", connection).ExecuteNonQueryAsync();
        }
        await ConcurrentAsync(new AccountsFactory { Postgres = new NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString });
    }

    /// <summary>Twelve clients send the same launch with the same key at once (PostgreSQL: the unique index decides).</summary>
    private static async Task ConcurrentAsync(AccountsFactory factory)
    {
        using (factory)
        {
            var client = factory.CreateClient();
            var responses = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => LaunchAsync(client, Spec("race"), "race-key")));

            var ids = await Task.WhenAll(responses.Select(IdOfAsync));
            Assert.Single(ids.Distinct());
            Assert.Equal((1, 1), await CountAsync(factory));
        }
    }
}

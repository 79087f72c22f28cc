using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using HyperSearch.Core.Access;
using HyperSearch.Core.Training;
using Microsoft.Extensions.DependencyInjection;

namespace HyperSearch.Web.Tests.Accounts;

/// <summary>
/// Read isolation through the API (the default, docs/teams.md): bea of team beta gets 404 for
/// everything of team alpha's search — the search, its trials, metrics, export, importance and
/// checkpoint — exactly as for one that does not exist; alpha's viewer and the admin read it; with
/// HyperSearch:Accounts:ReadIsolation=off every account reads it.
/// </summary>
public sealed class ReadIsolationApiTests
{
    private static string Spec(string name) => $$"""
        { "name": "{{name}}", "workload": "two-spirals", "budget": 4, "epochs": 3, "strategy": "random",
          "space": { "initialLr": { "type": "float", "low": 0.001, "high": 0.1, "log": true }, "decay": { "constant": {} } } }
        """;

    private static HttpClient As(AccountsFactory factory, string token)
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>ann launches in alpha and adds a trial with a checkpoint; bea launches in beta. Returns the search and trial ids.</summary>
    private static async Task<(long Alpha, long Trial, long Beta)> SeedAsync(AccountsFactory factory)
    {
        await factory.SeedAsync();
        var ann = As(factory, await factory.TokenAsync("ann"));
        var alpha = await CreatedIdAsync(await ann.PostAsync("/api/searches", Json(Spec("alpha's"))));
        var trial = (await (await ann.PostAsync($"/api/searches/{alpha}/trials", Json("""{ "initialLr": 0.01, "decay": { "type": "constant" } }""")))
            .Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
        var checkpoints = factory.Services.GetRequiredService<ICheckpointStore>();
        Directory.CreateDirectory(Path.GetDirectoryName(checkpoints.PathOf(ICheckpointStore.KeyOf(trial)))!);
        await File.WriteAllBytesAsync(checkpoints.PathOf(ICheckpointStore.KeyOf(trial)), [1, 2, 3]);
        var beta = await CreatedIdAsync(await As(factory, await factory.TokenAsync("bea")).PostAsync("/api/searches", Json(Spec("beta's"))));
        return (alpha, trial, beta);
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    private static async Task<long> CreatedIdAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
    }

    private static string[] Reads(long search, long trial) =>
    [
        $"/api/searches/{search}", $"/api/searches/{search}/trials", $"/api/searches/{search}/export?format=json",
        $"/api/searches/{search}/importance", $"/api/trials/{trial}", $"/api/trials/{trial}/metrics", $"/api/trials/{trial}/checkpoint",
    ];

    private static async Task<List<string>> StatusesAsync(HttpClient client, IEnumerable<string> urls)
    {
        var statuses = new List<string>();
        foreach (var url in urls)
        {
            using var response = await client.GetAsync(url);
            statuses.Add($"{url} {(int)response.StatusCode}");
        }
        return statuses;
    }

    private static async Task<List<string>> ListedAsync(HttpClient client) =>
        [.. (await client.GetFromJsonAsync<JsonElement>("/api/searches")).EnumerateArray().Select(s => s.GetProperty("name").GetString()!).Order()];

    [Fact]
    public async Task OtherTeamsMember_EveryReadOfTheSearch_404_ListLeavesItOut()
    {
        using var factory = new AccountsFactory();
        var (alpha, trial, _) = await SeedAsync(factory);
        var bea = As(factory, await factory.TokenAsync("bea", TokenScope.Read));

        Assert.All(await StatusesAsync(bea, Reads(alpha, trial)), status => Assert.EndsWith(" 404", status));
        Assert.Equal(["beta's"], await ListedAsync(bea));
    }

    [Fact]
    public async Task TeamViewerAndAdmin_ReadTheSearch()
    {
        using var factory = new AccountsFactory();
        var (alpha, trial, _) = await SeedAsync(factory);

        foreach (var user in new[] { "val", "root" })
        {
            var client = As(factory, await factory.TokenAsync(user, TokenScope.Read));
            Assert.All(await StatusesAsync(client, Reads(alpha, trial)), status => Assert.EndsWith(" 200", status));
        }
        Assert.Equal(["alpha's"], await ListedAsync(As(factory, await factory.TokenAsync("val", TokenScope.Read))));
        Assert.Equal(["alpha's", "beta's"], await ListedAsync(As(factory, await factory.TokenAsync("root", TokenScope.Read))));
    }

    [Fact]
    public async Task ReadIsolationOff_EveryAccountReadsEveryTeam()
    {
        using var factory = new AccountsFactory { Settings = new Dictionary<string, string> { ["HyperSearch:Accounts:ReadIsolation"] = "off" } };
        var (alpha, trial, _) = await SeedAsync(factory);
        var bea = As(factory, await factory.TokenAsync("bea", TokenScope.Read));

        Assert.All(await StatusesAsync(bea, Reads(alpha, trial)), status => Assert.EndsWith(" 200", status));
        Assert.Equal(["alpha's", "beta's"], await ListedAsync(bea));
    }
}

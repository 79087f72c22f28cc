using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using HyperSearch.Core.Training;
using Microsoft.Extensions.DependencyInjection;

namespace HyperSearch.Web.Tests.Accounts;

/// <summary>
/// The pages' download links (Export CSV/JSON, Metrics JSON, Checkpoint) for a user signed in with the
/// cookie: they answered 401 when they pointed at the bearer-only API. The API still refuses the cookie;
/// read isolation applies to the downloads as to the API.
/// Open mode: <see cref="Api.CheckpointEndpointTests"/>, <see cref="Api.SearchEndpointsTests"/>.
/// </summary>
public sealed class DownloadTests
{
    [Fact]
    public async Task SignedInWithTheCookie_DownloadsOwnTeamsFiles_NotAnotherTeams_ApiStillRefusesTheCookie()
    {
        using var factory = new AccountsFactory();
        await factory.SeedAsync();
        var ann = factory.CreateClient();
        ann.DefaultRequestHeaders.Authorization = new("Bearer", await factory.TokenAsync("ann"));
        const string spec = """
            { "name": "downloadable", "workload": "two-spirals", "budget": 4, "epochs": 3, "strategy": "random",
              "space": { "initialLr": { "type": "float", "low": 0.001, "high": 0.1, "log": true }, "decay": { "constant": {} } } }
            """;
        var search = (await (await ann.PostAsync("/api/searches", new StringContent(spec, Encoding.UTF8, "application/json")))
            .Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
        var trial = (await (await ann.PostAsync($"/api/searches/{search}/trials",
                new StringContent("""{ "initialLr": 0.01, "decay": { "type": "constant" } }""", Encoding.UTF8, "application/json")))
            .Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
        var checkpoint = factory.Services.GetRequiredService<ICheckpointStore>().PathOf(ICheckpointStore.KeyOf(trial));
        Directory.CreateDirectory(Path.GetDirectoryName(checkpoint)!);
        await File.WriteAllBytesAsync(checkpoint, [1, 2, 3]);
        string[] downloads =
        [
            $"/downloads/searches/{search}/export?format=csv", $"/downloads/searches/{search}/export?format=json",
            $"/downloads/trials/{trial}/metrics", $"/downloads/trials/{trial}/checkpoint",
        ];

        var val = factory.BrowserLikeClient(); // alpha's viewer, cookie only
        await AccountsFactory.SignInAsync(val, "val", AccountsFactory.Password);
        var bea = factory.BrowserLikeClient(); // beta's member
        await AccountsFactory.SignInAsync(bea, "bea", AccountsFactory.Password);

        foreach (var url in downloads)
        {
            using var own = await val.GetAsync(url);
            using var foreign = await bea.GetAsync(url);
            Assert.True(own.StatusCode == HttpStatusCode.OK, $"{url}: {(int)own.StatusCode}"); // was 401 from /api
            Assert.Equal("same-origin", own.Headers.GetValues("Cross-Origin-Resource-Policy").Single());
            Assert.True(foreign.StatusCode == HttpStatusCode.NotFound, $"{url} for another team: {(int)foreign.StatusCode}");
        }
        Assert.Contains("downloadable", await val.GetStringAsync($"/downloads/searches/{search}/export?format=json"));
        using var api = await val.GetAsync($"/api/searches/{search}/export?format=csv");
        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
        using var anonymous = await factory.BrowserLikeClient().GetAsync(downloads[0]);
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode); // not signed in: to the login page
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using HyperSearch.Core.Training;
using HyperSearch.Training.Checkpoints;
using HyperSearch.Web.Tests.Fakes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace HyperSearch.Web.Tests.Accounts;

/// <summary>
/// The pages' download links (Export CSV/JSON, Metrics JSON, Checkpoint) for a user signed in with the
/// cookie: they answered 401 when they pointed at the bearer-only API. The API still refuses the cookie;
/// read isolation applies to the downloads as to the API. Open mode (no account) downloads without a sign-in.
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

    [Fact]
    public async Task OpenMode_DownloadsWithoutSignIn_MissingCheckpointSaysWhy()
    {
        var dir = Directory.CreateTempSubdirectory("hs-downloads-").FullName;
        try
        {
            using var factory = new DashboardFactory();
            factory.Store.AddSearch("open");
            factory.Store.AddTrial(1, 0.1, "step", 0.3);
            factory.Store.AddTrial(1, 0.2, "step", 0.4);
            new CheckpointStore(new CheckpointOptions { Directory = dir }).Write(ICheckpointStore.KeyOf(1), [7, 8, 9]);
            var client = factory.WithWebHostBuilder(b => b.UseSetting("HyperSearch:Checkpoints:Directory", dir)).CreateClient();

            var csv = await client.GetStringAsync("/downloads/searches/1/export?format=csv");
            using var kept = await client.GetAsync("/downloads/trials/1/checkpoint");
            using var none = await client.GetAsync("/downloads/trials/2/checkpoint");
            using var format = await client.GetAsync("/downloads/searches/1/export?format=xml");

            Assert.Equal(3, csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length); // header + 2 trials
            Assert.Equal([7, 8, 9], await kept.Content.ReadAsByteArrayAsync());
            Assert.Equal("trial-1.ckpt", kept.Content.Headers.ContentDisposition?.FileName);
            Assert.Equal(HttpStatusCode.NotFound, none.StatusCode);
            Assert.Contains("only while they are their search's best", await none.Content.ReadAsStringAsync());
            Assert.Equal(HttpStatusCode.BadRequest, format.StatusCode); // the field named, as from the API
            Assert.Contains("format", await format.Content.ReadAsStringAsync());
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using HyperSearch.Core.Searches;
using HyperSearch.Core.Trials;
using HyperSearch.Web.Tests.Fakes;

namespace HyperSearch.Web.Tests.Api;

/// <summary>Notes and tags through the API (PUT …/annotation, ?tag= on the lists and the export) and the per-epoch export.</summary>
public sealed class AnnotationEndpointTests : IClassFixture<DashboardFactory>
{
    private readonly DashboardFactory factory;
    private readonly HttpClient client;

    public AnnotationEndpointTests(DashboardFactory factory)
    {
        this.factory = factory;
        client = factory.CreateClient();
        lock (factory.Store)
        {
            if (factory.Store.Searches.Count > 0) return;
            factory.Store.AddSearch("tagged");
            factory.Store.AddTrial(1, 0.1, "cosine", 0.30);
            factory.Store.AddTrial(1, 0.01, "step", 0.10);
            factory.Store.AddSearch("plain");
        }
    }

    private Task<HttpResponseMessage> PutAsync(string path, string json) =>
        client.PutAsync(path, new StringContent(json, Encoding.UTF8, "application/json"));

    [Fact]
    public async Task PutSearchAnnotation_Valid_StoredAndTheListFiltersByTag()
    {
        using var put = await PutAsync("/api/searches/1/annotation", """{ "notes": "baseline run", "tags": ["Baseline", "paper"] }""");

        Assert.Equal(HttpStatusCode.NoContent, put.StatusCode);
        var detail = await client.GetFromJsonAsync<JsonNode>("/api/searches/1");
        Assert.Equal("baseline run", detail!["summary"]!["notes"]!.GetValue<string>());
        var tagged = await client.GetFromJsonAsync<JsonArray>("/api/searches?tag=BASELINE");
        Assert.Equal([1L], tagged!.Select(s => s!["id"]!.GetValue<long>()));
    }

    [Fact]
    public async Task PutTrialAnnotation_Valid_TheTrialsListAndTheExportFilterByTag()
    {
        using var put = await PutAsync("/api/trials/2/annotation", """{ "tags": ["winner"] }""");

        Assert.Equal(HttpStatusCode.NoContent, put.StatusCode);
        var page = await client.GetFromJsonAsync<JsonNode>("/api/searches/1/trials?tag=winner");
        Assert.Equal([2L], page!["items"]!.AsArray().Select(t => t!["id"]!.GetValue<long>()));
        var csv = await client.GetStringAsync("/api/searches/1/export?format=csv&tag=winner");
        Assert.Equal(2, csv.TrimEnd().Split('\n').Length); // header + the tagged trial
        Assert.Contains(",winner,", csv);
    }

    [Theory]
    [InlineData("/api/searches/1/annotation", """{ "tags": ["has space"] }""", "tags[0]")]
    [InlineData("/api/trials/1/annotation", """{ "notes": 1 }""", "notes")]
    [InlineData("/api/searches/1/annotation", """not json""", "$")]
    public async Task PutAnnotation_Bad_400NamingTheField(string path, string json, string field)
    {
        using var response = await PutAsync(path, json);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.True(body.RootElement.GetProperty("errors").TryGetProperty(field, out _), body.RootElement.ToString());
    }

    [Theory]
    [InlineData("/api/searches/999/annotation")]
    [InlineData("/api/trials/999/annotation")]
    public async Task PutAnnotation_Unknown_404(string path)
    {
        using var response = await PutAsync(path, "{}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData("/api/searches?tag=no%20spaces", "tag")]
    [InlineData("/api/searches/1/trials?tag=a,b", "tag")]
    [InlineData("/api/searches/1/export?epochs=yes", "epochs")]
    public async Task Lists_BadFilter_400NamingIt(string path, string field)
    {
        using var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains($"\"{field}\"", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Export_EpochsTrue_EveryEpochOfEveryTrialInCsvAndJson()
    {
        var csv = await client.GetStringAsync("/api/searches/1/export?format=csv&epochs=true");
        var json = await client.GetFromJsonAsync<JsonNode>("/api/searches/1/export?format=json&epochs=true");

        // Every stored epoch, unthinned, trial by trial in rank order (#2 is best), epoch by epoch.
        var stored = factory.Store.Epochs.Where(e => e.TrialId is 1 or 2).OrderBy(e => e.TrialId == 2 ? 0 : 1).ThenBy(e => e.Epoch)
            .Select(e => $"{(e.TrialId == 2 ? 1 : 2)},{e.TrialId},{e.TrialId},{e.Epoch},").ToList();
        var lines = csv.TrimEnd().Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        Assert.Equal("rank,trialId,number,epoch,trainLoss,valLoss,valAccuracy,lr,elapsedSeconds,attempt", lines[0]);
        Assert.NotEmpty(stored);
        Assert.Equal(stored, lines.Skip(1).Select(l => string.Join(',', l.Split(',').Take(4)) + ","));
        var trials = json!["trials"]!.AsArray();
        Assert.Equal(factory.Store.Epochs.Count(e => e.TrialId == 2), trials[0]!["epochs"]!.AsArray().Count);
        Assert.Equal(factory.Store.Epochs.Count(e => e.TrialId == 1), trials[1]!["epochs"]!.AsArray().Count);
    }
}

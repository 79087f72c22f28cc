using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using HyperSearch.Core.Searches;
using HyperSearch.Core.Trials;
using HyperSearch.Web.Tests.Fakes;

namespace HyperSearch.Web.Tests.Api;

public class SearchEndpointsTests : IClassFixture<DashboardFactory>
{
    private readonly DashboardFactory factory;
    private readonly HttpClient client;

    public SearchEndpointsTests(DashboardFactory factory)
    {
        this.factory = factory;
        client = factory.CreateClient();
        lock (factory.Store)
        {
            if (factory.Store.Searches.Count == 0) Seed(factory.Store);
        }
    }

    private static void Seed(FakeTrialStore store)
    {
        store.AddSearch("running");
        store.AddTrial(1, 0.1, "cosine", 0.30);
        store.AddTrial(1, 0.01, "step", 0.10);
        store.AddTrial(1, 1.0, "step", null, TrialState.Running);
        store.AddTrial(1, 0.5, "constant", 0.20, TrialState.Pruned);
        store.AddSearch("done", SearchState.Completed);
    }

    private const string ValidSpec = """
        { "name": "api", "workload": "two-spirals", "budget": 4, "epochs": 3, "strategy": "random",
          "space": { "initialLr": { "type": "float", "low": 0.001, "high": 0.1, "log": true }, "decay": { "constant": {} } } }
        """;

    private Task<HttpResponseMessage> PostJsonAsync(string url, string body) =>
        client.PostAsync(url, new StringContent(body, Encoding.UTF8, "application/json"));

    private static async Task<Dictionary<string, string[]>> FieldErrorsAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.GetProperty("errors").Deserialize<Dictionary<string, string[]>>()!;
    }

    [Fact]
    public async Task CreateSearch_ValidSpec_Returns201WithLocationAndStoresSpec()
    {
        using var response = await PostJsonAsync("/api/searches", ValidSpec);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.Content.ReadFromJsonAsync<JsonElement>();
        var id = created.GetProperty("id").GetInt64();
        Assert.Equal($"/api/searches/{id}", response.Headers.Location!.OriginalString);
        Assert.Contains(factory.Store.Created, s => s.Name == "api" && s.Budget == 4);
    }

    [Fact]
    public async Task CreateSearch_MalformedJson_Returns400NamingTheDocument()
    {
        using var response = await PostJsonAsync("/api/searches", "{ \"name\": ");

        var errors = await FieldErrorsAsync(response);
        Assert.Contains("not valid JSON", Assert.Single(errors["$"]));
    }

    [Fact]
    public async Task CreateSearch_BadFields_Returns400KeyedByJsonPath()
    {
        var body = ValidSpec.Replace("\"budget\": 4", "\"budget\": 0").Replace("two-spirals", "nope").Replace("\"name\": \"api\", ", "");

        using var response = await PostJsonAsync("/api/searches", body);

        var errors = await FieldErrorsAsync(response);
        Assert.Equal(["is required"], errors["name"]);
        Assert.Equal(["must be ≥ 1"], errors["budget"]);
        Assert.StartsWith("unknown workload 'nope'", errors["workload"][0]);
    }

    [Fact]
    public async Task CreateSearch_ArrayBody_Returns400NotServerError()
    {
        using var response = await PostJsonAsync("/api/searches", "[1, 2]");

        var errors = await FieldErrorsAsync(response);
        Assert.Equal(["must be a JSON object"], errors["$"]);
    }

    [Fact]
    public async Task GetSearch_Unknown_Returns404()
    {
        using var response = await client.GetAsync("/api/searches/999");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task ListSearches_Default_ReturnsNewestFirst()
    {
        var list = await client.GetFromJsonAsync<JsonElement>("/api/searches");

        Assert.Equal(["done", "running"], list.EnumerateArray().Select(s => s.GetProperty("name").GetString()).Take(2));
    }

    [Fact]
    public async Task GetTrials_FilterByStateAndDecay_ReturnsRankedMatches()
    {
        var page = await client.GetFromJsonAsync<JsonElement>("/api/searches/1/trials?state=completed,running&decay=step");

        var numbers = page.GetProperty("items").EnumerateArray().Select(t => t.GetProperty("number").GetInt32()).ToList();
        Assert.Equal([2, 3], numbers); // best first, the running trial (no value yet) last
        Assert.Equal(2, page.GetProperty("total").GetInt32());
    }

    [Theory]
    [InlineData("state=finished", "state")]
    [InlineData("decay=sawtooth", "decay")]
    [InlineData("sort=fastest", "sort")]
    [InlineData("take=0", "take")]
    public async Task GetTrials_BadQuery_Returns400NamingTheParameter(string query, string field)
    {
        using var response = await client.GetAsync("/api/searches/1/trials?" + query);

        var errors = await FieldErrorsAsync(response);
        Assert.True(errors.ContainsKey(field), string.Join(", ", errors.Keys));
    }

    [Fact]
    public async Task CancelSearch_FinishedSearch_Returns409()
    {
        using var response = await PostJsonAsync("/api/searches/2/cancel", "");

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
    }

    [Fact]
    public async Task PauseSearch_Unknown_Returns404()
    {
        using var response = await PostJsonAsync("/api/searches/77/pause", "");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task SetPriority_OutOfRange_Returns400()
    {
        using var response = await PostJsonAsync("/api/searches/1/priority", """{ "priority": 5000 }""");

        var errors = await FieldErrorsAsync(response);
        Assert.True(errors.ContainsKey("priority"));
    }

    [Theory]
    [InlineData("/api")]
    [InlineData("/downloads")] // the Search page's Export link (open mode: no sign-in)
    public async Task Export_Csv_HasHeaderAndRankedRows(string prefix)
    {
        var csv = await client.GetStringAsync($"{prefix}/searches/1/export?format=csv");

        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("rank,trialId,number,state,initialLr,decayType", lines[0]);
        Assert.Equal(5, lines.Length);
        Assert.StartsWith("1,2,2,completed,0.01,step", lines[1]);
        Assert.Contains("\"{\"\"initialLr\"\":0.01", lines[1]); // the config, CSV-quoted
    }

    [Theory]
    [InlineData("/api")]
    [InlineData("/downloads")]
    public async Task Export_UnknownFormat_Returns400(string prefix)
    {
        using var response = await client.GetAsync($"{prefix}/searches/1/export?format=xml");

        var errors = await FieldErrorsAsync(response);
        Assert.Equal(["must be csv or json"], errors["format"]);
    }

    [Fact]
    public async Task GetMetrics_Trial_ReturnsEveryEpoch()
    {
        var epochs = await client.GetFromJsonAsync<JsonElement>("/api/trials/1/metrics");

        Assert.Equal(5, epochs.GetArrayLength());
        Assert.Equal(0.1, epochs[0].GetProperty("lr").GetDouble(), 9);
    }

    [Fact]
    public async Task GetQueue_Default_ReturnsSnapshot()
    {
        var queue = await client.GetFromJsonAsync<JsonElement>("/api/queue");

        Assert.Equal(JsonValueKind.Array, queue.GetProperty("workers").ValueKind);
    }

    [Fact]
    public async Task OpenApi_Document_ListsTheApi()
    {
        var document = await client.GetFromJsonAsync<JsonElement>("/openapi/v1.json");

        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/api/searches", paths);
        Assert.Contains("/api/searches/{id}/trials", paths);
        Assert.Contains("/api/queue", paths);
    }

    [Fact]
    public async Task SetPriority_MalformedJson_Returns400NotServerError()
    {
        using var response = await PostJsonAsync("/api/searches/1/priority", "{ \"priority\": ");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using HyperSearch.Core.Configuration;
using HyperSearch.Core.Searches;
using HyperSearch.Web.Tests.Fakes;

namespace HyperSearch.Web.Tests.Api;

/// <summary>POST /api/searches/{id}/trials: a hand-made trial joins the search; bad configs get 400 keyed by field.</summary>
public class AddTrialEndpointTests : IClassFixture<DashboardFactory>
{
    private readonly DashboardFactory factory;
    private readonly HttpClient client;

    public AddTrialEndpointTests(DashboardFactory factory)
    {
        this.factory = factory;
        client = factory.CreateClient();
        lock (factory.Store)
        {
            if (factory.Store.Searches.Count > 0) return;
            factory.Store.AddSearch("running");
            factory.Store.AddTrial(1, 0.1, "cosine", 0.3);
            factory.Store.AddSearch("cancelled", SearchState.Cancelled);
        }
    }

    private Task<HttpResponseMessage> PostAsync(long searchId, string body) =>
        client.PostAsync($"/api/searches/{searchId}/trials", new StringContent(body, Encoding.UTF8, "application/json"));

    private static async Task<Dictionary<string, string[]>> FieldErrorsAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.GetProperty("errors").Deserialize<Dictionary<string, string[]>>()!;
    }

    [Fact]
    public async Task AddTrial_ValidConfig_201WithTheNewTrialsNumberAndStored()
    {
        using var response = await PostAsync(1, """{ "initialLr": 0.02, "decay": { "type": "step", "stepSize": 2, "gamma": 0.5 } }""");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var reply = await response.Content.ReadFromJsonAsync<JsonElement>();
        var id = reply.GetProperty("id").GetInt64();
        Assert.Equal($"/api/trials/{id}", response.Headers.Location!.OriginalString);
        Assert.Equal($"/trials/{id}", reply.GetProperty("page").GetString());
        var stored = factory.Store.Trials.Single(t => t.Id == id);
        Assert.Equal((1L, reply.GetProperty("number").GetInt32()), (stored.SearchId, stored.Number));
        Assert.Contains(factory.Store.AddedConfigs, a => a.SearchId == 1 && a.Config.InitialLr == 0.02 && a.Config.Decay == new StepDecay { StepSize = 2, Gamma = 0.5 });
    }

    [Fact]
    public async Task AddTrial_InvalidValues_400KeyedByFieldAndNothingAdded()
    {
        var before = factory.Store.AddedConfigs.Count;

        using var response = await PostAsync(1, """{ "initialLr": -1, "decay": { "type": "step", "stepSize": 0, "gamma": 0.5 }, "warmup": { "steps": 0 } }""");

        var errors = await FieldErrorsAsync(response);
        Assert.Equal(["decay.stepSize", "initialLr", "warmup.steps"], errors.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(["must be a finite number > 0; got -1"], errors["initialLr"]);
        Assert.Equal(before, factory.Store.AddedConfigs.Count);
    }

    [Fact]
    public async Task AddTrial_WrongTypeOrMalformed_400NamesTheFieldOrTheDocument()
    {
        using var wrongType = await PostAsync(1, """{ "initialLr": "fast", "decay": { "type": "constant" } }""");
        using var malformed = await PostAsync(1, """{ "initialLr": 0.1, """);

        Assert.Contains("initialLr", (await FieldErrorsAsync(wrongType)).Keys);
        Assert.Contains("$", (await FieldErrorsAsync(malformed)).Keys);
    }

    [Fact]
    public async Task AddTrial_CancelledOrUnknownSearch_409Or404()
    {
        const string config = """{ "initialLr": 0.02, "decay": { "type": "constant" } }""";

        using var cancelled = await PostAsync(2, config);
        using var unknown = await PostAsync(99, config);

        Assert.Equal(HttpStatusCode.Conflict, cancelled.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }
}

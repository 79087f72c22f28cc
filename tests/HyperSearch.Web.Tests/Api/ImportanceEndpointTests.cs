using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using HyperSearch.Core.Trials;
using HyperSearch.Web.Tests.Fakes;

namespace HyperSearch.Web.Tests.Api;

/// <summary>GET /api/searches/{id}/importance, on a store of its own (it adds a search).</summary>
public class ImportanceEndpointTests(DashboardFactory factory) : IClassFixture<DashboardFactory>
{
    private readonly HttpClient client = factory.CreateClient();

    [Fact]
    public async Task GetImportance_LrDecidesTheLoss_RanksInitialLrFirstAndCountsCompletedTrials()
    {
        var id = factory.Store.AddSearch("importance", spaceJson: """
            { "initialLr": { "low": 0.001, "high": 1 }, "decay": { "constant": {}, "step": { "stepSize": 2, "gamma": 0.5 } } }
            """).Summary.Id;
        for (var i = 0; i < 12; i++)
        {
            var lr = Math.Pow(10, -3 + 3.0 * i / 11);
            factory.Store.AddTrial(id, lr, i % 2 == 0 ? "constant" : "step", Math.Log10(lr) + 3);
        }
        factory.Store.AddTrial(id, 0.1, "step", null, TrialState.Running);

        var report = await client.GetFromJsonAsync<JsonElement>($"/api/searches/{id}/importance");

        Assert.Equal(12, report.GetProperty("trials").GetInt32());
        var parameters = report.GetProperty("parameters");
        Assert.Equal("initialLr", parameters[0].GetProperty("parameter").GetString());
        Assert.True(parameters[0].GetProperty("importance").GetDouble() > 0.9);
    }

    [Fact]
    public async Task GetImportance_UnknownSearch_Returns404()
    {
        using var response = await client.GetAsync("/api/searches/999999/importance");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}

using System.Net.Http.Json;
using System.Text.Json;
using HyperSearch.Web.Tests.Fakes;

namespace HyperSearch.Web.Tests.Api;

/// <summary>The web API's JSON options get the decay records' derived types from Core's descriptors, like HyperJson.</summary>
public class DecayJsonApiTests(DashboardFactory factory) : IClassFixture<DashboardFactory>
{
    [Fact]
    public async Task GetTrials_TrialWithStepDecay_ConfigCarriesTypeAndParameters()
    {
        lock (factory.Store)
        {
            if (factory.Store.Searches.Count == 0)
            {
                factory.Store.AddSearch("json");
                factory.Store.AddTrial(1, 0.01, "step", 0.10);
            }
        }

        var page = await factory.CreateClient().GetFromJsonAsync<JsonElement>("/api/searches/1/trials?decay=step");
        var decay = page.GetProperty("items")[0].GetProperty("config").GetProperty("decay");

        Assert.Equal("step", decay.GetProperty("type").GetString());
        Assert.Equal(2, decay.GetProperty("stepSize").GetInt32());
        Assert.Equal(0.5, decay.GetProperty("gamma").GetDouble());
    }
}

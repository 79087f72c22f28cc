using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using HyperSearch.Web.Tests.Fakes;
using Microsoft.AspNetCore.Hosting;

namespace HyperSearch.Web.Tests.Launch;

/// <summary>GET /api/workloads of the real app with a command workload configured, and a search of it created through the API.</summary>
public class WorkloadEndpointsTests(DashboardFactory factory) : IClassFixture<DashboardFactory>
{
    private HttpClient Client() => factory.WithWebHostBuilder(builder =>
    {
        builder.UseSetting("HyperSearch:Workloads:Commands:0:Name", "pytorch-simple");
        builder.UseSetting("HyperSearch:Workloads:Commands:0:Executable", "/usr/bin/python3");
        builder.UseSetting("HyperSearch:Workloads:Commands:0:Arguments:0", "examples/python/pytorch_simple.py");
    }).CreateClient();

    [Fact]
    public async Task Workloads_CommandConfigured_ListedWithItsKindAndCommandLine()
    {
        var body = await Client().GetFromJsonAsync<JsonObject>("/api/workloads");

        var workloads = body!["workloads"]!.AsArray().Select(w => w!.AsObject()).ToList();
        var command = workloads.Single(w => (string?)w["name"] == "pytorch-simple");
        Assert.Equal("command", (string?)command["kind"]);
        Assert.Equal("/usr/bin/python3 examples/python/pytorch_simple.py", (string?)command["command"]);
        Assert.Equal("torchSharp", (string?)workloads.Single(w => (string?)w["name"] == "fashion-mlp")["kind"]);
        Assert.Empty(body["pluginErrors"]!.AsArray());
    }

    [Fact]
    public async Task CreateSearch_OfACommandWorkload_IsAccepted()
    {
        using var response = await Client().PostAsJsonAsync("/api/searches", JsonNode.Parse("""
            { "name": "py", "workload": "pytorch-simple", "strategy": "random", "budget": 2, "epochs": 3,
              "space": { "initialLr": { "low": 0.001, "high": 0.1 }, "params": { "n_layers": { "type": "int", "low": 1, "high": 3 } } } }
            """));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }
}

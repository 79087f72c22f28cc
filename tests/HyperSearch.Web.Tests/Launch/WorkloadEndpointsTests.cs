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
        builder.UseSetting("HyperSearch:Workloads:Commands:0:Parameters:0:Name", "n_layers");
        builder.UseSetting("HyperSearch:Workloads:Commands:0:Parameters:0:Kind", "int");
        builder.UseSetting("HyperSearch:Workloads:Commands:0:Parameters:0:Low", "1");
        builder.UseSetting("HyperSearch:Workloads:Commands:0:Parameters:0:High", "3");
        builder.UseSetting("HyperSearch:Workloads:Commands:0:Parameters:0:Default", "1");
        builder.UseSetting("HyperSearch:Workloads:Commands:0:Parameters:0:Description", "hidden layers");
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
    public async Task Workloads_DeclaredParameters_ServedWithKindRangeDefaultLogAndDescription()
    {
        var body = await Client().GetFromJsonAsync<JsonObject>("/api/workloads");

        var workloads = body!["workloads"]!.AsArray().Select(w => w!.AsObject()).ToDictionary(w => (string)w["name"]!);
        var hidden = workloads["fashion-mlp"]["parameters"]!.AsArray().Single(p => (string?)p!["name"] == "hidden")!;
        Assert.Equal(("int", 1.0, 8192.0, 256.0, true, "units per hidden layer"),
            ((string?)hidden["kind"], (double)hidden["low"]!, (double)hidden["high"]!, (double)hidden["default"]!, (bool)hidden["log"]!, (string?)hidden["description"]));
        Assert.Equal(64.0, (double)workloads["fashion-mlp"]["batchSize"]!["default"]!);
        var cell = workloads["adding-problem"]["parameters"]!.AsArray().Single(p => (string?)p!["name"] == "cell")!;
        Assert.Equal(("categorical", "[0,1]"), ((string?)cell["kind"], cell["choices"]!.ToJsonString()));
        Assert.Empty(workloads["synthetic-regression"]["parameters"]!.AsArray());
        var layers = Assert.Single(workloads["pytorch-simple"]["parameters"]!.AsArray())!;
        Assert.Equal(("n_layers", "int", 3.0), ((string?)layers["name"], (string?)layers["kind"], (double)layers["high"]!));
    }

    [Fact]
    public async Task CreateSearch_MisspeltDeclaredParameter_Refused400NamingItAndTheDeclaredOne()
    {
        using var response = await CreateAsync("n_layer");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsObject();
        Assert.Equal("unknown parameter of workload 'pytorch-simple'; did you mean 'n_layers'? (known: n_layers)", (string?)errors["space.params.n_layer"]![0]);
    }

    [Fact]
    public async Task CreateSearch_OfACommandWorkload_IsAccepted()
    {
        using var response = await CreateAsync("n_layers");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    private Task<HttpResponseMessage> CreateAsync(string param) => Client().PostAsJsonAsync("/api/searches", JsonNode.Parse($$"""
        { "name": "py", "workload": "pytorch-simple", "strategy": "random", "budget": 2, "epochs": 3,
          "space": { "initialLr": { "low": 0.001, "high": 0.1 }, "params": { "{{param}}": { "type": "int", "low": 1, "high": 3 } } } }
        """));
}

using System.CommandLine;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using HyperSearch.Cli;
using HyperSearch.Core.Space;
using HyperSearch.Web.Launch;
using HyperSearch.Web.Tests.Fakes;

namespace HyperSearch.Web.Tests.Launch;

/// <summary>
/// The launch form, the REST API (GET /api/decays/defaults) and the CLI (`hypersearch decays`) show
/// the same default range for every decay parameter: all three read Core's decay descriptors.
/// </summary>
public class DecayDefaultsAgreementTests(DashboardFactory factory) : IClassFixture<DashboardFactory>
{
    [Theory]
    [InlineData(3)]
    [InlineData(10)]
    [InlineData(250)]
    public async Task DefaultRanges_FormApiAndCli_ShowTheSame(int epochs)
    {
        var form = LaunchForm.CreateDefault("two-spirals", epochs);
        foreach (var decay in form.Decays) decay.Included = true;
        var fromForm = LaunchSpecWriter.Space(form)["decay"]!;
        var fromApi = await factory.CreateClient().GetFromJsonAsync<JsonObject>($"/api/decays/defaults?epochs={epochs}");
        var output = new StringWriter();
        var exit = await HyperSearchCommand.Create().Parse(["decays", "--epochs", epochs.ToString()])
            .InvokeAsync(new InvocationConfiguration { Output = output, Error = new StringWriter() });

        Assert.Equal(0, exit);
        var expected = Canonical(fromForm);
        Assert.Contains("\"cosine\"", expected);
        Assert.Equal(expected, Canonical(fromApi!));
        Assert.Equal(expected, Canonical(JsonNode.Parse(output.ToString())!));
    }

    [Fact]
    public async Task DecayDefaults_EpochsNotANumber_400NamingTheField()
    {
        using var response = await factory.CreateClient().GetAsync("/api/decays/defaults?epochs=ten");
        var body = await response.Content.ReadFromJsonAsync<JsonObject>();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.StartsWith("must be an integer from 1 to", body!["errors"]!["epochs"]![0]!.GetValue<string>());
    }

    // Both sides through Core's space reader and writer: the same ranges give the same text, however written.
    private static string Canonical(JsonNode decay)
    {
        var document = new JsonObject { ["initialLr"] = 0.1, ["decay"] = decay.DeepClone() };
        var (space, errors) = SearchSpaceJson.Parse(document.ToJsonString());
        Assert.Empty(errors);
        return SearchSpaceJson.Serialize(space!);
    }
}

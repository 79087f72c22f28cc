using System.Net;
using System.Text;
using System.Text.Json;
using HyperSearch.Web.Tests.Fakes;

namespace HyperSearch.Web.Tests.Api;

/// <summary>
/// Values that could only fail at run time, or mislead a reader, are refused at launch with the
/// field named (the API, the form and the CLI share the validator).
/// </summary>
public sealed class LaunchLimitsTests(DashboardFactory factory) : IClassFixture<DashboardFactory>
{
    private static string Spec(string name = "limits", string space = "") => $$"""
        { "name": {{JsonSerializer.Serialize(name)}}, "workload": "two-spirals", "budget": 4, "epochs": 3, "strategy": "random",
          "space": { "initialLr": { "type": "float", "low": 0.001, "high": 0.1, "log": true }, "decay": { "constant": {} }{{space}} } }
        """;

    private async Task<Dictionary<string, string[]>> ErrorsAsync(string spec)
    {
        using var response = await factory.CreateClient().PostAsync("/api/searches", new StringContent(spec, Encoding.UTF8, "application/json"));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{(int)response.StatusCode}: {body}");
        using var document = JsonDocument.Parse(body);
        return document.RootElement.GetProperty("errors").Deserialize<Dictionary<string, string[]>>()!;
    }

    [Theory]
    [InlineData(""", "batchSize": 1e9""", "space.batchSize", "must be ≤ 65536")]
    [InlineData(""", "batchSize": { "type": "int", "low": 32, "high": 1000000000 }""", "space.batchSize.high", "must be ≤ 65536")]
    [InlineData(""", "params": { "hidden": 1e9 }""", "space.params.hidden", "must be ≤ 1000000")]
    [InlineData(""", "params": { "hidden": { "type": "int", "low": 16, "high": 1000000000 } }""", "space.params.hidden.high", "must be ≤ 1000000")]
    public async Task Create_AbsurdValue_Refused400NamingTheField(string space, string field, string message)
    {
        var errors = await ErrorsAsync(Spec(space: space));

        Assert.True(errors.TryGetValue(field, out var messages), string.Join("; ", errors.Select(e => $"{e.Key}: {string.Join(", ", e.Value)}")));
        Assert.Contains(messages, m => m.Contains(message));
    }

    [Theory]
    [InlineData("resnet\u202Egnp.exe", "U+202E")]  // right-to-left override
    [InlineData("a\u2066b", "U+2066")]             // left-to-right isolate
    [InlineData("two\nlines", "U+000A")]           // control character
    public async Task Create_NameWithBidiOrControlCharacter_Refused400NamingTheName(string name, string character)
    {
        var errors = await ErrorsAsync(Spec(name));

        Assert.Contains(errors["name"], m => m.Contains(character));
    }
}

using System.Text.Json.Nodes;
using HyperSearch.E2E.Tests.Infrastructure;
using Microsoft.Playwright;

namespace HyperSearch.E2E.Tests.Pages;

/// <summary>
/// Number boxes in real Chromium: a seed typed as "x1" refuses Launch naming the box (it launched
/// with 0), a Queue priority typed as "abc" changes nothing and says so under that search's box (it
/// set 0), and a clone lists the parts of the spec the form has no box for (it dropped them).
/// </summary>
public class LaunchInputTests(FinishedSearchFixture fixture) : IClassFixture<FinishedSearchFixture>
{
    [Fact]
    public async Task Launch_SeedNotANumber_RefusedNamingTheSeed()
    {
        var page = await fixture.Browser.OpenLiveAsync($"{fixture.App.BaseUrl}/searches/new");
        await page.SetFieldAsync("#name input", "typo in the seed");

        await page.SetFieldAsync("#seed input", "x1");
        await page.ClickAsync("#launch");

        await Assertions.Expect(page.Locator("#form-errors")).ToContainTextAsync("Seed: not a valid number", new() { Timeout = 10_000 });
        await Assertions.Expect(page.Locator("#seed")).ToContainTextAsync("Not a valid number");
        await page.ScreenshotAsync("launch-seed-not-a-number");
        Assert.EndsWith("/searches/new", page.Url);
        await page.ClickAsync("#reset-form");
        await Assertions.Expect(page.Locator("#seed")).Not.ToContainTextAsync("Not a valid number", new() { Timeout = 10_000 });
        await Assertions.Expect(page.Locator("#form-errors")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task QueuePriority_NotANumber_UnchangedWithItsMessageUnderItsOwnRow()
    {
        var id = await SearchApi.CreateAsync(fixture.Api, new JsonObject
        {
            ["name"] = "waits in the queue",
            ["workload"] = "sleep",
            ["strategy"] = "random",
            ["budget"] = 50,
            ["parallelism"] = 1,
            ["epochs"] = 2000,
            ["priority"] = 30,
            ["space"] = JsonNode.Parse("""{ "initialLr": { "type": "float", "low": 0.001, "high": 0.1, "log": true }, "decay": { "constant": {} } }"""),
        });
        (await fixture.Api.PostAsync($"/api/searches/{id}/pause", EmptyJson())).EnsureSuccessStatusCode();
        var page = await fixture.Browser.OpenLiveAsync($"{fixture.App.BaseUrl}/queue");
        var box = $"#pending-asks [data-search='{id}'] .hs-priority";

        await page.SetFieldAsync($"{box} input", "abc");

        await Assertions.Expect(page.Locator(box)).ToContainTextAsync("Not a valid number", new() { Timeout = 10_000 });
        await page.ScreenshotAsync("queue-priority-not-a-number");
        await page.ReloadAsync();
        await page.WaitForCircuitAsync();
        await Assertions.Expect(page.Locator($"{box} input")).ToHaveValueAsync("30", new() { Timeout = 10_000 });
        (await fixture.Api.PostAsync($"/api/searches/{id}/cancel", EmptyJson())).EnsureSuccessStatusCode();
    }

    private static StringContent EmptyJson() => new("{}", System.Text.Encoding.UTF8, "application/json");

    [Fact]
    public async Task Clone_PrunerSettingsAndOptimizerWithoutMomentum_ListedAndKept()
    {
        var id = await SearchApi.CreateAsync(fixture.Api, new JsonObject
        {
            ["name"] = "pruned sweep",
            ["workload"] = "sleep",
            ["strategy"] = "random",
            ["budget"] = 2,
            ["epochs"] = 2,
            ["pruner"] = new JsonObject { ["type"] = "median", ["startupTrials"] = 2, ["warmupSteps"] = 1 },
            ["space"] = JsonNode.Parse("""{ "initialLr": { "type": "float", "low": 0.001, "high": 0.1, "log": true }, "decay": { "constant": {} }, "optimizer": { "type": { "type": "categorical", "choices": ["sgd", "adam"] } } }"""),
        });

        var page = await fixture.Browser.OpenLiveAsync($"{fixture.App.BaseUrl}/searches/new?clone={id}");

        await Assertions.Expect(page.Locator("#kept-parts")).ToContainTextAsync("pruner (median): startupTrials 2, warmupSteps 1", new() { Timeout = 10_000 });
        await Assertions.Expect(page.Locator("[data-field='space.optimizer.momentum']")).ToContainTextAsync("Add a momentum range");
        await page.ScreenshotAsync("clone-kept-parts");
        await page.ClickAsync("#launch");
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/searches/\\d+$"), new() { Timeout = 15_000 });
        var clone = JsonNode.Parse(await fixture.Api.GetStringAsync("/api/searches/" + page.Url.Split('/')[^1]))!;
        Assert.Equal(2, clone["spec"]?["pruner"]?["startupTrials"]?.GetValue<int>());
    }
}

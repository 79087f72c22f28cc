using System.Diagnostics;
using HyperSearch.E2E.Tests.Infrastructure;
using Microsoft.Playwright;

namespace HyperSearch.E2E.Tests.Pages;

/// <summary>
/// The dashboard's ECharts is bundled from the parts its charts use (wwwroot-assets/echarts-parts.js);
/// the production bundle leaves out an unregistered part without a word. This draws every chart module
/// with every option family it can produce, on a development build of the same parts, whose console
/// errors name anything missing.
/// </summary>
public class ChartPartsTests(WebAppFixture fixture) : IClassFixture<WebAppFixture>
{
    // One spec per chart module, touching each option its buildOption can emit: title, markArea, a
    // plain legend and log axes on the line chart; the large mode and a scroll legend on the scatter;
    // category and log axes on the parallel coordinates.
    private const string DrawEveryChart = """
        async () => {
          const line = { title: 'loss', markX: [1, 2], logY: true, logX: true, wholeX: false, xName: 'epoch', yName: 'loss',
                         series: [{ id: 'a', name: 'a', points: [[1, 1], [2, 0.5], [3, 0.25]] },
                                  { id: 'b', name: 'b', dashed: true, points: [[1, 2], [2, 1], [3, 0.5]] },
                                  { id: 'c', name: 'c', points: [[1, 3], [2, 2], [3, 1]] }] };
          const many = Array.from({ length: 2500 }, (_, i) => [i + 1, 1 / (i + 1), i]);
          const scatter = { logX: true, xName: 'lr', yName: 'loss',
                            series: [{ id: 'x', name: 'step', points: many }, { id: 'y', name: 'cosine', color: '#e91e63', points: [[0.1, 0.3, 1]] }] };
          const parallel = { axes: [{ name: 'decay', categories: ['step', 'cosine'] }, { name: 'lr', log: true }, { name: 'loss' }],
                             lines: [{ values: ['step', 0.1, 0.3] }, { values: ['cosine', 0.01, 0.2], color: '#2196f3' }] };
          const drawn = [];
          for (const [name, spec] of [['lineChart', line], ['scatterChart', scatter], ['parallelChart', parallel]]) {
            const module = await import(new URL(`dist/js/charts/${name}.js`, document.baseURI).href);
            const element = document.createElement('div');
            element.style.cssText = 'width: 480px; height: 320px';
            document.body.appendChild(element);
            await module.init(element, spec, false);
            await module.setTheme(element, true);
            drawn.push(echarts.getInstanceByDom(element) ? name : name + ' (not drawn)');
          }
          return drawn.join(', ');
        }
        """;

    [Fact]
    public async Task EveryChartModule_OnADevelopmentBuildOfTheBundledParts_DrawsWithNoPartMissing()
    {
        var development = Directory.CreateTempSubdirectory("hs-echarts-dev-").FullName;
        try
        {
            await BuildDevelopmentAssetsAsync(development);
            var page = await fixture.Browser.NewPageAsync();
            var messages = new List<string>();
            page.Console += (_, message) => { if (message.Type is "error" or "warning") lock (messages) messages.Add(message.Text); };
            var served = 0;
            await page.RouteAsync("**/echarts*.js", route =>
            {
                Interlocked.Increment(ref served);
                return route.FulfillAsync(new() { Path = Path.Combine(development, "echarts.min.js"), ContentType = "text/javascript" });
            });

            await page.GotoAsync(fixture.App.BaseUrl + "/playground");
            await page.WaitForCircuitAsync();
            var drawn = await page.EvaluateAsync<string>(DrawEveryChart);

            Assert.Equal("lineChart, scatterChart, parallelChart", drawn);
            Assert.Equal(1, served); // the development build was the one drawing
            lock (messages) Assert.True(messages.Count == 0, "the browser console:\n" + string.Join("\n", messages));
        }
        finally
        {
            Directory.Delete(development, recursive: true);
        }
    }

    private static async Task BuildDevelopmentAssetsAsync(string output)
    {
        var start = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(RepositoryPaths.Root, "wwwroot-assets", "build.mjs"));
        start.ArgumentList.Add(output);
        start.ArgumentList.Add("--development");
        using var node = Process.Start(start)!;
        var error = node.StandardError.ReadToEndAsync();
        await node.StandardOutput.ReadToEndAsync();
        await node.WaitForExitAsync();
        Assert.True(node.ExitCode == 0, "the development build failed: " + await error);
    }
}

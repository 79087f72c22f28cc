using HyperSearch.E2E.Tests.Infrastructure;
using Microsoft.Playwright;

namespace HyperSearch.E2E.Tests.Pages;

/// <summary>The Content-Security-Policy (SecurityHeaders) must not break what the page runs: circuit, MudBlazor, ECharts, JS modules.</summary>
public class SecurityPolicyTests(WebAppFixture fixture) : IClassFixture<WebAppFixture>
{
    [Fact]
    public async Task Playground_UnderTheContentSecurityPolicy_CircuitAndChartsRunWithNoViolation()
    {
        var page = await fixture.Browser.NewPageAsync();
        var violations = new List<string>();
        page.Console += (_, message) => { if (message.Text.Contains("Content Security Policy")) lock (violations) violations.Add(message.Text); };
        await page.AddInitScriptAsync("document.addEventListener('securitypolicyviolation', e => console.error('Content Security Policy violation: ' + e.violatedDirective + ' ' + e.blockedURI))");

        var response = await page.GotoAsync(fixture.App.BaseUrl + "/playground");
        await page.WaitForCircuitAsync();
        await page.WaitForFunctionAsync("() => document.querySelector('[data-chart] canvas') !== null", null, new() { Timeout = 15_000 });
        await page.Locator("#theme-toggle").ClickAsync(); // a MudBlazor interaction round-trips the circuit
        await page.WaitForTimeoutAsync(500);

        Assert.Contains("script-src 'self' 'nonce-", (await response!.AllHeadersAsync())["content-security-policy"]);
        lock (violations) Assert.True(violations.Count == 0, string.Join("\n", violations));
        Assert.True(await page.PaintedPixelsAsync("[data-chart]") > 0, "the chart painted nothing");
    }
}

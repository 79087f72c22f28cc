using HyperSearch.E2E.Tests.Infrastructure;
using Microsoft.Playwright;

namespace HyperSearch.E2E.Tests.Flows;

/// <summary>
/// Sign-in tried too often from one browser, in real Chromium: the refusal is a page that says what
/// happened and when to retry (Chromium drew its own bare "HTTP ERROR 429" for the empty answer).
/// </summary>
public sealed class SignInRateLimitTests : IAsyncLifetime
{
    private readonly BrowserFixture browser = new();
    private WebAppProcess app = null!;

    public async Task InitializeAsync()
    {
        var data = Directory.CreateTempSubdirectory("hypersearch-e2e-ratelimit-").FullName;
        await CliProcess.MustAsync("e2e-password-1234", "user", "add", "ann", "--db", Path.Combine(data, "hypersearch.db"));
        app = await WebAppProcess.StartAsync(new Dictionary<string, string> { ["HyperSearch__Worker__Embedded"] = "false" }, data);
        await browser.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await browser.DisposeAsync();
        await app.DisposeAsync();
    }

    [Fact]
    public async Task SignIn_TooOften_PageSaysWhatHappenedAndWhenToRetry()
    {
        var page = await browser.NewPageAsync();
        IResponse? answer = null;
        // The limit is 10 a minute per address; the 11th try is refused.
        for (var i = 0; i <= 10; i++)
        {
            await page.GotoAsync(app.BaseUrl + "/account/login");
            await page.FillAsync("#userName", "ann");
            await page.FillAsync("#password", "wrong-password-" + i);
            answer = await page.RunAndWaitForResponseAsync(() => page.ClickAsync("#sign-in"), r => r.Request.Method == "POST" && r.Url.Contains("/account/login"));
        }

        Assert.Equal(429, answer!.Status);
        Assert.NotNull(await answer.HeaderValueAsync("retry-after"));
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Too many sign-in attempts");
        await Assertions.Expect(page.Locator("body")).ToContainTextAsync("Try again in");
        await page.ScreenshotAsync("sign-in-rate-limited");
        await page.ClickAsync("text=back to sign-in");
        await Assertions.Expect(page.Locator("#userName")).ToBeVisibleAsync();
    }
}

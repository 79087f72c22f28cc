namespace HyperSearch.E2E.Tests.Infrastructure;

/// <summary>One running dashboard + one browser shared by the tests of a class.</summary>
public sealed class WebAppFixture : IAsyncLifetime
{
    private readonly BrowserFixture browser = new();

    public WebAppProcess App { get; private set; } = null!;
    public BrowserFixture Browser => browser;

    public async Task InitializeAsync()
    {
        App = await WebAppProcess.StartAsync();
        await browser.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await browser.DisposeAsync();
        await App.DisposeAsync();
    }
}

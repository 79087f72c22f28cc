namespace HyperSearch.E2E.Tests.Infrastructure;

/// <summary>
/// The real dashboard with its embedded worker (two CPU slots) on a temporary SQLite file and a
/// fast live feed, plus one browser: what a user gets from the README's run command.
/// </summary>
public sealed class DashboardAppFixture : IAsyncLifetime
{
    public WebAppProcess App { get; private set; } = null!;
    public BrowserFixture Browser { get; } = new();

    public async Task InitializeAsync()
    {
        App = await WebAppProcess.StartAsync(new Dictionary<string, string>
        {
            ["HyperSearch__Worker__Embedded"] = "true",
            ["HyperSearch__Worker__Devices"] = "cpu:2",
            ["HyperSearch__Worker__PollMilliseconds"] = "200",
            ["HyperSearch__Dashboard__LiveFeedMilliseconds"] = "300",
        });
        await Browser.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        await App.DisposeAsync();
    }
}

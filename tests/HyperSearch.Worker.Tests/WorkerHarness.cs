using HyperSearch.Core.Searches;
using HyperSearch.Data;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace HyperSearch.Worker.Tests;

/// <summary>One in-process worker (the real WorkerService, store and queue) on a shared SQLite file.</summary>
public sealed class WorkerHarness : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private bool _started;

    public WorkerHarness(string dbPath, string devices = "cpu:2", int epochMs = 10, Action<IServiceCollection>? configure = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["HyperSearch:Database:Provider"] = "sqlite",
            ["HyperSearch:Database:ConnectionString"] = $"Data Source={dbPath}",
            ["HyperSearch:Worker:Devices"] = devices,
            ["HyperSearch:Worker:LeaseSeconds"] = "2",
            ["HyperSearch:Worker:HeartbeatSeconds"] = "0.2",
            ["HyperSearch:Worker:PollMilliseconds"] = "30",
            ["HyperSearch:Worker:MaxAttempts"] = "3",
            ["HyperSearch:Worker:Trainer"] = "fake",
            ["HyperSearch:Worker:Sampler"] = "fake",
            ["HyperSearch:Worker:Fake:EpochMilliseconds"] = epochMs.ToString(),
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        services.AddHyperSearchData(configuration);
        services.AddHyperSearchWorker(configuration);
        configure?.Invoke(services);
        _services = services.BuildServiceProvider();
    }

    public ITrialStore Store => _services.GetRequiredService<ITrialStore>();
    public WorkerService Worker => _services.GetRequiredService<WorkerService>();

    public async Task<WorkerHarness> StartAsync()
    {
        await _services.MigrateHyperSearchDatabaseAsync();
        await Worker.StartAsync(CancellationToken.None);
        _started = true;
        return this;
    }

    public async Task StopAsync()
    {
        if (!_started) return;
        _started = false;
        await Worker.StopAsync(CancellationToken.None);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        await _services.DisposeAsync();
    }

    public static string NewDatabasePath()
    {
        var dir = Path.Combine(Path.GetTempPath(), "hypersearch-worker-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        return Path.Combine(dir, "queue.db");
    }

    /// <summary>Polls until the condition holds; fails the test with <paramref name="what"/> after the timeout.</summary>
    public static async Task WaitUntilAsync(Func<Task<bool>> condition, string what, int timeoutSeconds = 30)
    {
        var deadline = DateTime.UtcNow.AddSeconds(timeoutSeconds);
        while (DateTime.UtcNow < deadline)
        {
            if (await condition()) return;
            await Task.Delay(25);
        }
        Assert.Fail($"timed out waiting until {what}");
    }
}

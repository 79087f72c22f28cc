using HyperSearch.Core.Searches;
using HyperSearch.Worker;
using Microsoft.Extensions.DependencyInjection;

namespace HyperSearch.Cli.Hosting;

/// <summary>
/// Waits for a search to end with a progress bar on stderr. If no worker is alive (no heartbeat
/// within the lease) and the embedded worker is enabled (HyperSearch:Worker:Embedded, default
/// true), it runs one in this process for the duration — so a search created from the CLI on a
/// fresh machine runs to completion; stopping early gives its running trials back to the queue.
/// </summary>
public static class SearchWaiter
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(500);

    public static async Task<int> WaitAsync(IServiceProvider services, long searchId, CliConsole console, CancellationToken cancellationToken)
    {
        var store = services.GetRequiredService<ITrialStore>();
        var queue = await store.GetQueueAsync(cancellationToken);
        WorkerService? embedded = null;
        if (!queue.Workers.Any(w => w.Alive) && services.GetService<WorkerService>() is { } worker)
        {
            var options = services.GetRequiredService<WorkerOptions>();
            console.Error.WriteLine($"no worker is running: starting one in this process on {string.Join(",", options.Devices.Select(d => $"{d.Device}:{d.Slots}"))}");
            embedded = worker;
            await embedded.StartAsync(cancellationToken);
        }
        try
        {
            var bar = new ProgressBar(console.Error, interactive: ReferenceEquals(console.Error, Console.Error) && !Console.IsErrorRedirected);
            SearchSummary summary;
            while (true)
            {
                summary = (await store.GetSearchAsync(searchId, cancellationToken))!.Summary;
                bar.Show(summary);
                if (summary.State.IsFinal()) break;
                await Task.Delay(Poll, cancellationToken);
            }
            bar.Done();
            SearchText.WriteSummary(console.Output, summary);
            return summary.State == SearchState.Completed ? CliConsole.Ok : CliConsole.Failed;
        }
        finally
        {
            if (embedded is not null) await embedded.StopAsync(CancellationToken.None);
        }
    }
}

using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace HyperSearch.Worker;

/// <summary>
/// <c>--exit-when-idle</c>: stops the host once no slot of this worker has held a trial for
/// <see cref="WorkerOptions.ExitWhenIdle"/>, so a worker a cluster scheduler started gives its devices back
/// when the queue drains. It stops the host the ordinary way (as SIGTERM would), so the worker unregisters;
/// with nothing running there is nothing to hand back. The clock starts once a slot has asked for work and got
/// none (a slow start — a database still coming up, a first claim on a loaded node — is not idleness) and
/// restarts whenever a trial runs.
/// </summary>
public sealed class IdleExit(RunningTrials running, WorkerService worker, WorkerOptions options, IHostApplicationLifetime lifetime, TimeProvider time, ILogger<IdleExit> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.ExitWhenIdle is not { } idleLimit) return;
        // Looked at often enough that the exit comes within a few percent of the limit (and at least every second).
        var look = TimeSpan.FromSeconds(Math.Clamp(idleLimit.TotalSeconds / 20, 0.05, 1));
        var idleSince = time.GetUtcNow();
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await Task.Delay(look, time, stoppingToken);
                var now = time.GetUtcNow();
                if (running.Count > 0 || !worker.FoundNoWork) idleSince = now;
                else if (now - idleSince >= idleLimit)
                {
                    logger.LogInformation("No trial for {Seconds:0.#} s: the worker exits (exit when idle)", idleLimit.TotalSeconds);
                    lifetime.StopApplication();
                    return;
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}

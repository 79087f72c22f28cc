using HyperSearch.Core.Searches.Queue;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace HyperSearch.Worker;

/// <summary>
/// The worker loop as a hosted service (embedded in the web process, or the whole of
/// <c>hypersearch worker</c>): registers its device slots, heartbeats, and runs one claim → train
/// loop per slot. On stop, running trials go back to the queue.
/// </summary>
public sealed class WorkerService(
    IWorkQueue queue,
    TrialRunner runner,
    RunningTrials running,
    SlotScheduler scheduler,
    WorkerOptions options,
    TimeProvider time,
    ILogger<WorkerService> logger) : BackgroundService
{
    /// <summary>Set once registered (tests and the CLI wait on it).</summary>
    public string? WorkerId { get; private set; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        var workerId = await RegisterAsync(stoppingToken);
        if (workerId is null) return;
        WorkerId = workerId;
        logger.LogInformation("Worker {WorkerId} serving {Devices}", workerId,
            string.Join(", ", options.Devices.Select(d => $"{d.Device}×{d.Slots}")));
        try
        {
            var loops = options.Devices
                .SelectMany(d => Enumerable.Range(0, d.Slots).Select(i => new SlotRef(workerId, d.Device, i)))
                .Select(slot => SlotLoopAsync(slot, stoppingToken))
                .Append(HeartbeatLoopAsync(workerId, stoppingToken));
            await Task.WhenAll(loops);
        }
        finally
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            try { await queue.UnregisterWorkerAsync(workerId, timeout.Token); }
            catch (Exception e) { logger.LogWarning(e, "Could not unregister worker {WorkerId}", workerId); }
        }
    }

    private async Task<string?> RegisterAsync(CancellationToken stoppingToken)
    {
        var registration = new WorkerRegistration(options.Host, Environment.ProcessId, options.Devices);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                return await queue.RegisterWorkerAsync(registration, stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogError(e, "Cannot register the worker; retrying");
                await Delay(options.Heartbeat, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
        return null;
    }

    private async Task SlotLoopAsync(SlotRef slot, CancellationToken stoppingToken)
    {
        var threads = scheduler.ThreadsFor(slot.Device);
        while (!stoppingToken.IsCancellationRequested)
        {
            ClaimedTrial? trial;
            try
            {
                trial = await scheduler.NextAsync(slot, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e)
            {
                logger.LogError(e, "Claim on {Device}/{Slot} failed", slot.Device, slot.Slot);
                trial = null;
            }
            if (trial is null)
            {
                await Delay(options.Poll, stoppingToken);
                continue;
            }
            await runner.RunAsync(trial, slot, threads, stoppingToken);
        }
    }

    private async Task HeartbeatLoopAsync(string workerId, CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Heartbeat, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    var reply = await queue.HeartbeatAsync(workerId, running.Leases, stoppingToken);
                    foreach (var id in reply.Lost) running.Stop(id, StopReason.LeaseLost);
                    foreach (var id in reply.Cancel) running.Stop(id, StopReason.Cancelled);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    logger.LogError(e, "Heartbeat failed");
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task Delay(TimeSpan delay, CancellationToken stoppingToken)
    {
        try { await Task.Delay(delay, time, stoppingToken); }
        catch (OperationCanceledException) { }
    }
}

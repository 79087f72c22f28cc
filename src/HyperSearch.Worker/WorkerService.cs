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
    DatabaseRetry retry,
    SlotHealthBoard health,
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
        try
        {
            return await retry.RunAsync("register", null, ct => queue.RegisterWorkerAsync(registration, ct), stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            return null;
        }
    }

    /// <summary>
    /// Claims and trains until the worker stops. Nothing ends it earlier: passing database faults are
    /// retried inside, and any other exception is logged and followed by a pause, so the slot keeps
    /// serving the queue (a slot that silently stopped would leave its worker alive but idle).
    /// </summary>
    private async Task SlotLoopAsync(SlotRef slot, CancellationToken stoppingToken)
    {
        var threads = scheduler.ThreadsFor(slot.Device);
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var trial = await scheduler.NextAsync(slot, stoppingToken);
                if (trial is null)
                    await Delay(options.Poll, stoppingToken);
                else
                    await runner.RunAsync(trial, slot, threads, stoppingToken);
                failures = 0;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e)
            {
                logger.LogError(e, "Slot {Device}/{Slot} failed; going on after a pause", slot.Device, slot.Slot);
                await Delay(Core.Faults.RetryBackoff.Delay(failures++, options.RetryFirst, options.RetryMax, Random.Shared.NextDouble()), stoppingToken);
            }
        }
    }

    private async Task HeartbeatLoopAsync(string workerId, CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Heartbeat, time);
        IReadOnlyList<SlotHealth> reported = [];
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    var reply = await queue.HeartbeatAsync(workerId, running.Leases, stoppingToken);
                    foreach (var id in reply.Lost) running.Stop(id, StopReason.LeaseLost);
                    foreach (var id in reply.Cancel) running.Stop(id, StopReason.Cancelled);
                    // Only a change is written: a healthy worker adds no write to its heartbeat.
                    var now = health.Snapshot();
                    if (!now.SequenceEqual(reported))
                    {
                        await queue.ReportSlotHealthAsync(workerId, now, stoppingToken);
                        reported = now;
                    }
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // The next tick tries again; leases last several heartbeats.
                    logger.LogWarning("Heartbeat failed: {Reason}", e.Message);
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

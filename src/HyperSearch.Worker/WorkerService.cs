using HyperSearch.Core.Faults;
using HyperSearch.Core.Searches.Queue;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace HyperSearch.Worker;

/// <summary>
/// The worker loop as a hosted service (embedded in the web process, or the whole of
/// <c>hypersearch worker</c>): registers its device slots, takes back the trials of workers that died on
/// this machine (<see cref="WorkerLiveness"/>), heartbeats, and runs one claim → train loop per slot.
/// On stop, running trials go back to the queue within <see cref="WorkerOptions.StopBudget"/>.
/// </summary>
public sealed class WorkerService(
    IWorkQueue queue,
    TrialRunner runner,
    RunningTrials running,
    SlotScheduler scheduler,
    DatabaseRetry retry,
    SlotHealthBoard health,
    ITransientFaultDetector faults,
    WorkerLiveness liveness,
    WorkerOptions options,
    TimeProvider time,
    ILogger<WorkerService> logger) : BackgroundService
{
    // Dead workers another database knows (this machine may serve several): asked about once.
    private readonly HashSet<string> _foreign = [];
    // The last heartbeat that reached the database (UTC ticks; read by the beacon loop), and why the
    // later ones did not (null: they did).
    private long _lastContactTicks;
    private volatile string? _contactProblem;

    private DateTimeOffset LastContact
    {
        get => new(Volatile.Read(ref _lastContactTicks), TimeSpan.Zero);
        set => Volatile.Write(ref _lastContactTicks, value.UtcTicks);
    }

    /// <summary>Set once registered (tests and the CLI wait on it).</summary>
    public string? WorkerId { get; private set; }

    /// <summary>
    /// Set once a slot has asked the queue for work and got none: from then on an empty worker is idle
    /// (<see cref="IdleExit"/>). Before, its first claim may still be under way (a loaded node, a slow database).
    /// </summary>
    public bool FoundNoWork => _foundNoWork;

    private volatile bool _foundNoWork;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        var workerId = await RegisterAsync(stoppingToken);
        if (workerId is null) return;
        WorkerId = workerId;
        LastContact = time.GetUtcNow();
        liveness.Claim(workerId);
        logger.LogInformation("Worker {WorkerId} serving {Devices}", workerId,
            string.Join(", ", options.Devices.Select(d => $"{d.Device}×{d.Slots}")));
        var loops = Task.CompletedTask;
        try
        {
            // Before the first claim: a predecessor killed on this machine holds trials that count against
            // their searches' parallelism until they are taken back.
            await TakeBackFromDeadAsync(retrying: true, stoppingToken);
            loops = Task.WhenAll(options.Devices
                .SelectMany(d => Enumerable.Range(0, d.Slots).Select(i => new SlotRef(workerId, d.Device, i)))
                .Select(slot => SlotLoopAsync(slot, stoppingToken))
                .Append(HeartbeatLoopAsync(workerId, stoppingToken))
                .Append(BeaconLoopAsync(workerId, stoppingToken)));
            await loops.WaitAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        // Stopping: every busy slot hands its trial back within the stop budget; a database that does not
        // answer in time must not hold the process (the host would dispose the store under the slots).
        await Task.WhenAny(loops, Task.Delay(options.StopBudget + TimeSpan.FromMilliseconds(250), time));
        var notHandedBack = running.Abandoned + running.Count;
        if (notHandedBack > 0)
            logger.LogWarning("{Count} trial(s) not handed back within {Budget:0.#} s; they return to the queue when their lease expires (at once if a worker restarts on this machine)",
                notHandedBack, options.StopBudget.TotalSeconds);
        var unregistered = false;
        using (var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(0.75)))
        {
            try
            {
                await queue.UnregisterWorkerAsync(workerId, timeout.Token);
                unregistered = true;
            }
            catch (Exception e)
            {
                // A line, not a stack trace: the worker is stopping either way, and its row goes quiet.
                logger.LogWarning("Could not unregister worker {WorkerId}: {Reason}", workerId,
                    e is OperationCanceledException ? "no answer within 0.75 s" : faults.IsTransient(e) ? faults.Describe(e) : e.Message);
            }
        }
        // Kept unless everything was handed back: a worker restarted here then finds this one dead and takes its trials back.
        if (notHandedBack == 0 && unregistered) liveness.Release();
        else liveness.Dispose();
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
    /// Takes back, at once, the trials of workers whose process on this machine is gone (kill -9, a crash):
    /// at start (<paramref name="retrying"/> through database faults) and then at every heartbeat (one try).
    /// </summary>
    private async Task TakeBackFromDeadAsync(bool retrying, CancellationToken stoppingToken)
    {
        var dead = liveness.FindDead().Where(id => !_foreign.Contains(id)).ToList();
        if (dead.Count == 0) return;
        var retired = retrying
            ? await retry.RunAsync("take back from dead workers", null, ct => queue.RetireWorkersAsync(dead, ct), stoppingToken)
            : await queue.RetireWorkersAsync(dead, stoppingToken);
        foreach (var id in retired.Workers) liveness.Forget(id);
        _foreign.UnionWith(dead.Except(retired.Workers));
        if (retired.Workers.Count > 0)
            logger.LogInformation("Worker {Workers} on this machine is gone: took back its {Count} running trial(s) ({Trials}) without waiting for their leases",
                string.Join(", ", retired.Workers), retired.Trials.Count, string.Join(", ", retired.Trials));
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
                {
                    _foundNoWork = true;
                    await Delay(options.Poll, stoppingToken);
                }
                else
                    await runner.RunAsync(trial, slot, threads, stoppingToken);
                failures = 0;
            }
            catch (Exception) when (stoppingToken.IsCancellationRequested)
            {
                // Stopping: what failed on the way out (a cancelled call, a disposed connection) is no fault of the slot.
                break;
            }
            catch (Exception e)
            {
                logger.LogError(e, "Slot {Device}/{Slot} failed; going on after a pause", slot.Device, slot.Slot);
                await Delay(RetryBackoff.Delay(failures++, options.RetryFirst, options.RetryMax, Random.Shared.NextDouble()), stoppingToken);
            }
        }
    }

    private async Task HeartbeatLoopAsync(string workerId, CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Heartbeat, time);
        IReadOnlyList<SlotHealth> reported = [];
        var failures = 0;
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    var reply = await queue.HeartbeatAsync(workerId, running.Leases, stoppingToken);
                    var gap = time.GetUtcNow() - LastContact;
                    LastContact = time.GetUtcNow();
                    _contactProblem = null;
                    failures = 0;
                    if (reply.LeasesExtended > 0)
                        logger.LogInformation("Back in touch with the database after {Gap:0} s: {Count} expired lease(s) extended by one lease instead of reaped, as their workers were likely cut off too",
                            gap.TotalSeconds, reply.LeasesExtended);
                    foreach (var id in reply.Lost) running.Stop(id, StopReason.LeaseLost);
                    foreach (var id in reply.Cancel) running.Stop(id, StopReason.Cancelled);
                    // Only a change is written: a healthy worker adds no write to its heartbeat.
                    var now = health.Snapshot();
                    if (!now.SequenceEqual(reported))
                    {
                        await queue.ReportSlotHealthAsync(workerId, now, stoppingToken);
                        reported = now;
                    }
                    await TakeBackFromDeadAsync(retrying: false, stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // The next tick tries again; leases last several heartbeats. The first failure and then every tenth are logged.
                    _contactProblem = faults.IsTransient(e) ? faults.Describe(e) : e.Message;
                    if (failures++ % 10 == 0) logger.LogWarning("Heartbeat failed: {Reason}", _contactProblem);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>
    /// While heartbeats do not reach the database (its file locked, its server gone), tells the dashboard
    /// by another way that this worker is alive and why its slots wait (<see cref="IWorkQueue.SignalAliveAsync"/>).
    /// A loop of its own: a heartbeat can hang for the whole busy timeout of a locked file.
    /// </summary>
    private async Task BeaconLoopAsync(string workerId, CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Heartbeat, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                var since = LastContact;
                if (time.GetUtcNow() - since <= 2 * options.Heartbeat) continue;
                try
                {
                    var problem = _contactProblem ?? health.Snapshot().FirstOrDefault()?.Problem ?? "no answer from the database";
                    if (!await queue.SignalAliveAsync(workerId, problem, since, health.Snapshot(), stoppingToken)) return;
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    // Best effort: a full or read-only disk leaves the Queue page with the last heartbeat.
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

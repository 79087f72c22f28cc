using HyperSearch.Core.Searches;
using HyperSearch.Core.Slurm;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace HyperSearch.Worker.Slurm;

/// <summary>
/// Keeps Slurm worker jobs in line with the waiting trials: every <see cref="SlurmSettings.Interval"/> it
/// reads the executor's jobs (squeue) and the queue, lets <see cref="SlurmPlanner"/> decide, then cancels
/// (scancel) and submits (sbatch) accordingly. A Slurm failure (controller down, job refused) is logged
/// with Slurm's reason, shown on the Queue page and retried with a growing pause; it never ends the host.
/// Nothing is lost meanwhile: trials wait in the database, and a job that dies hands back or loses its
/// trials through the queue's own paths (SIGTERM hand-back, lease expiry).
/// </summary>
public sealed class SlurmExecutor(
    ISlurmCli slurm,
    ITrialStore store,
    SlurmSettings settings,
    SlurmJobBoard board,
    IConfiguration configuration,
    TimeProvider time,
    ILogger<SlurmExecutor> logger) : BackgroundService
{
    private static readonly TimeSpan LongestPause = TimeSpan.FromSeconds(60);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        board.Enabled = true;
        logger.LogInformation("Slurm executor: profiles {Profiles}, at most {MaxJobs} jobs, looking every {Interval:0.#} s",
            string.Join(", ", settings.Profiles.Select(p => p.Name)), settings.MaxJobs, settings.Interval.TotalSeconds);
        var pause = settings.Interval;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RoundAsync(stoppingToken);
                pause = settings.Interval;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e)
            {
                var reason = e is SlurmCommandException ? e.Message : $"{e.GetType().Name}: {e.Message}";
                board.Failed(reason);
                pause = TimeSpan.FromTicks(Math.Max(settings.Interval.Ticks, Math.Min(pause.Ticks * 2, LongestPause.Ticks)));
                logger.LogWarning("Slurm executor: {Reason}; trying again in {Seconds:0.#} s", reason, pause.TotalSeconds);
            }
            try
            {
                await Task.Delay(pause, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }

    /// <summary>One look: squeue, the queue, the plan, scancel, sbatch.</summary>
    public async Task RoundAsync(CancellationToken cancellationToken)
    {
        var jobs = await slurm.ListAsync(cancellationToken);
        board.Saw(jobs, time.GetUtcNow());
        var queue = await store.GetQueueAsync(cancellationToken);
        var demand = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (team, count) in SlurmPlanner.Demand(queue))
        {
            var profile = settings.ProfileOf(team);
            demand[profile] = demand.GetValueOrDefault(profile) + count;
        }
        var plan = SlurmPlanner.Plan(demand,
            settings.Profiles.Select(p => new SlurmProfileLimits(p.Name, p.SlotsPerJob, p.MaxJobs)).ToList(),
            jobs, queue.Workers, settings.MaxJobs);
        if (plan.Cancel.Count > 0)
        {
            await slurm.CancelAsync(plan.Cancel.Select(c => c.JobId).ToList(), cancellationToken);
            foreach (var (jobId, reason) in plan.Cancel)
                logger.LogInformation("Cancelled Slurm job {JobId}: {Reason}", jobId, reason);
        }
        foreach (var (name, count) in plan.Submit)
        {
            var profile = settings.Profiles.First(p => p.Name == name);
            var script = SlurmJobScript.For(profile, settings);
            for (var i = 0; i < count; i++)
            {
                var id = await slurm.SubmitAsync(profile, script, WorkerEnvironment(), cancellationToken);
                logger.LogInformation("Submitted Slurm job {JobId} (profile {Profile}) for {Waiting} waiting trial(s)", id, name, demand.GetValueOrDefault(name));
            }
        }
        if (plan.Cancel.Count > 0 || plan.Submit.Count > 0)
            board.Saw(await slurm.ListAsync(cancellationToken), time.GetUtcNow());
    }

    /// <summary>
    /// The database the job's worker uses: this process's own, passed in the job's environment (sbatch
    /// exports it; a password stays off command lines and out of the script). The rest of the worker's
    /// settings come from its own appsettings.json and this process's HyperSearch__ variables.
    /// </summary>
    private Dictionary<string, string> WorkerEnvironment()
    {
        var environment = new Dictionary<string, string>();
        foreach (var key in new[] { "Provider", "ConnectionString" })
            if (configuration[$"HyperSearch:Database:{key}"] is { Length: > 0 } value)
                environment[$"HyperSearch__Database__{key}"] = value;
        return environment;
    }
}

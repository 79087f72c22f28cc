using HyperSearch.Cli.Tests.Queue;
using HyperSearch.Core.Searches;
using HyperSearch.Core.Slurm;
using HyperSearch.Core.Trials;

namespace HyperSearch.Cli.Tests.Slurm;

/// <summary>
/// The Slurm executor against a real single-node Slurm cluster (scripts/test-slurm.sh: slurmctld + slurmd,
/// 2 CPUs): <c>hypersearch slurm run</c> submits real <c>hypersearch worker</c> jobs with sbatch, which
/// train a search with the fake trainer on a SQLite file. Nothing else trains: the executor runs no worker.
/// Each job asks for 1 CPU, so at most two run at once and a third pends on Resources.
/// </summary>
public sealed class SlurmExecutorTests : IDisposable
{
    // The jobs' output files; a new instance (and folder) per test.
    private readonly string _logs = Directory.CreateTempSubdirectory("hs-slurm-logs-").FullName;

    public void Dispose() => Directory.Delete(_logs, recursive: true);

    /// <summary>The executor's settings (fast rounds, one CPU slot per job) over the queue's fast test settings.</summary>
    private (Dictionary<string, string> Env, string JobName, string Logs) Executor(int epochMs, int maxJobs, int exitWhenIdleSeconds)
    {
        var jobName = "hs" + Guid.NewGuid().ToString("N")[..8];
        var logs = _logs;
        var env = new Dictionary<string, string>(CliProcess.FastQueue(epochMs))
        {
            ["HyperSearch__Slurm__WorkerCommand"] = $"dotnet {Path.Combine(AppContext.BaseDirectory, "hypersearch.dll")}",
            ["HyperSearch__Slurm__Partition"] = TestSlurm.Partition ?? "",
            ["HyperSearch__Slurm__JobName"] = jobName,
            ["HyperSearch__Slurm__LogDirectory"] = logs,
            ["HyperSearch__Slurm__IntervalSeconds"] = "1",
            ["HyperSearch__Slurm__MaxJobs"] = maxJobs.ToString(),
            ["HyperSearch__Slurm__CpuSlots"] = "1",
            ["HyperSearch__Slurm__CpusPerTask"] = "1",
            ["HyperSearch__Slurm__ExitWhenIdleSeconds"] = exitWhenIdleSeconds.ToString(),
            // The jobs' workers log their hand-backs; the executor its submissions and cancellations.
            ["Logging__LogLevel__HyperSearch.Worker"] = "Information",
        };
        return (env, jobName, logs);
    }

    [SlurmFact]
    public async Task Executor_TrialsWait_SlurmJobsTrainThemAndEndWhenTheQueueDrains()
    {
        await using var database = await QueueDatabase.CreateAsync(postgres: false);
        var (env, jobName, _) = Executor(epochMs: 300, maxJobs: 2, exitWhenIdleSeconds: 3);
        await using var sweeper = TestSlurm.CancelAtEnd(jobName);
        var id = await WorkerCommandTests.CreateSearchAsync(database, env, budget: 4, parallelism: 2, epochs: 6);
        Assert.Empty(await TestSlurm.JobsAsync(jobName)); // nothing before the executor runs

        await using var executor = CliProcess.Start(env, "slurm", "run", "--db", database.Db);
        var hosts = new Dictionary<string, string>(); // worker id → host, from the Queue data
        var mostJobs = 0;
        await TestSlurm.WaitUntilAsync(async () =>
        {
            foreach (var worker in (await database.Store.GetQueueAsync()).Workers) hosts[worker.Id] = worker.Host;
            mostJobs = Math.Max(mostJobs, (await TestSlurm.JobsAsync(jobName)).Count);
            return (await database.Store.GetSearchAsync(id))!.Summary.State.IsFinal();
        }, "the search ends", 240, () => executor.Error);
        // The queue drained: every job ends (its worker idle for 3 s exits, or the executor cancels it).
        await TestSlurm.WaitUntilAsync(async () => (await TestSlurm.JobsAsync(jobName)).Count == 0, "every job has ended", 90, () => executor.Error);

        Assert.Equal(SearchState.Completed, (await database.Store.GetSearchAsync(id))!.Summary.State);
        var trials = (await database.Store.GetTrialsAsync(new TrialQuery { SearchId = id, Take = 100, Sort = TrialSort.Number })).Items;
        Assert.Equal(4, trials.Count);
        Assert.All(trials, t => Assert.Equal((TrialState.Completed, 6), (t.State, t.EpochsDone)));
        // Every trial ran on a worker a Slurm job started (its host names the job), never more jobs than the cap.
        Assert.All(trials, t => Assert.NotNull(SlurmWorkerHost.JobId(hosts[t.WorkerId!])));
        Assert.InRange(mostJobs, 1, 2);
        Assert.Contains("Submitted Slurm job", executor.Error);
        Assert.False(executor.HasExited, "the executor ended");
        Assert.DoesNotContain("fail:", executor.Error);
        Assert.DoesNotContain("warn:", executor.Error);
    }

    [SlurmFact]
    public async Task Executor_GpuProfile_TheJobsWorkerServesTheGpusSlurmAllocated()
    {
        await using var database = await QueueDatabase.CreateAsync(postgres: false);
        var (env, jobName, _) = Executor(epochMs: 300, maxJobs: 1, exitWhenIdleSeconds: 3);
        await using var sweeper = TestSlurm.CancelAtEnd(jobName);
        // The test cluster's node has two fake GPUs (GRES gpu:fake:2); the fake trainer never touches them.
        env["HyperSearch__Slurm__Gres"] = "gpu:fake:2";
        var id = await WorkerCommandTests.CreateSearchAsync(database, env, budget: 2, parallelism: 2, epochs: 10);

        await using var executor = CliProcess.Start(env, "slurm", "run", "--db", database.Db);
        var devices = new Dictionary<string, string[]>(); // worker id → its slots' devices, from the Queue data
        await TestSlurm.WaitUntilAsync(async () =>
        {
            foreach (var w in (await database.Store.GetQueueAsync()).Workers.Where(w => SlurmWorkerHost.JobId(w.Host) is not null))
                devices[w.Id] = [.. w.Slots.Select(s => s.Device).Order()];
            return (await database.Store.GetSearchAsync(id))!.Summary.State.IsFinal();
        }, "the search ends", 240, () => executor.Error);
        await TestSlurm.WaitUntilAsync(async () => (await TestSlurm.JobsAsync(jobName)).Count == 0, "the job has ended", 90, () => executor.Error);

        // CUDA_VISIBLE_DEVICES=0,1 from Slurm → every job's worker had one slot on each of cuda:0 and cuda:1.
        Assert.NotEmpty(devices);
        Assert.All(devices.Values, d => Assert.Equal(["cuda:0", "cuda:1"], d));
        Assert.Equal(SearchState.Completed, (await database.Store.GetSearchAsync(id))!.Summary.State);
        var trials = (await database.Store.GetTrialsAsync(new TrialQuery { SearchId = id, Take = 10 })).Items;
        Assert.All(trials, t => Assert.True(t.State == TrialState.Completed && devices.ContainsKey(t.WorkerId!), $"trial {t.Number}: {t.State} on {t.WorkerId}"));
    }

    [SlurmFact]
    public async Task Executor_JobCancelledMidTrial_TheTrialIsHandedBackAndTheNextJobFinishesIt()
    {
        await using var database = await QueueDatabase.CreateAsync(postgres: false);
        var (env, jobName, logs) = Executor(epochMs: 250, maxJobs: 2, exitWhenIdleSeconds: 3);
        await using var sweeper = TestSlurm.CancelAtEnd(jobName);
        const int epochs = 40;
        var id = await WorkerCommandTests.CreateSearchAsync(database, env, budget: 1, parallelism: 1, epochs: epochs);

        await using var executor = CliProcess.Start(env, "slurm", "run", "--db", database.Db);
        string? firstJob = null;
        await TestSlurm.WaitUntilAsync(async () =>
        {
            firstJob = await JobOfTrialAsync(database, id, minEpochs: 3);
            return firstJob is not null;
        }, "the trial runs on a Slurm job's worker, past epoch 3", 180, () => executor.Error);
        await TestSlurm.CancelAsync(firstJob!);

        string? secondJob = null;
        await TestSlurm.WaitUntilAsync(async () =>
        {
            secondJob = await JobOfTrialAsync(database, id, minEpochs: 0);
            return secondJob is not null && secondJob != firstJob;
        }, "the trial runs on another job's worker", 180, () => executor.Error);
        await database.WaitUntilAsync(id, s => s.State.IsFinal(), "the search ends", 180);

        var trial = (await database.Store.GetTrialsAsync(new TrialQuery { SearchId = id, Take = 10, Sort = TrialSort.Number })).Items.Single();
        // Handed back on SIGTERM (same attempt), not lost to a lease; every epoch written once.
        Assert.Equal((TrialState.Completed, 1), (trial.State, trial.Attempt));
        Assert.Equal((epochs, epochs), await database.EpochRowsAsync(id));
        var firstLog = await File.ReadAllTextAsync(Path.Combine(logs, $"{jobName}-{firstJob}.log"));
        Assert.Contains($"Trial {trial.Id} (search {id} #1) handed back to the queue after epoch", firstLog);
    }

    [SlurmFact]
    public async Task Executor_SearchCancelled_ItsRunningAndPendingJobsAreCancelled()
    {
        await using var database = await QueueDatabase.CreateAsync(postgres: false);
        // Idle workers would wait 10 min: only the executor's scancel can end these jobs within the test.
        var (env, jobName, _) = Executor(epochMs: 300, maxJobs: 3, exitWhenIdleSeconds: 600);
        await using var sweeper = TestSlurm.CancelAtEnd(jobName);
        var id = await WorkerCommandTests.CreateSearchAsync(database, env, budget: 20, parallelism: 3, epochs: 100);

        await using var executor = CliProcess.Start(env, "slurm", "run", "--db", database.Db);
        await TestSlurm.WaitUntilAsync(async () =>
        {
            var jobs = await TestSlurm.JobsAsync(jobName);
            var running = (await database.Store.GetTrialsAsync(new TrialQuery { SearchId = id, Take = 100 })).Items.Count(t => t.State == TrialState.Running);
            return running == 2 && jobs.Count(j => j.State == "PENDING") == 1;
        }, "two trials run on two jobs and a third job pends (two CPUs)", 180, () => executor.Error);

        Assert.True(await database.Store.CancelSearchAsync(id));
        await TestSlurm.WaitUntilAsync(async () => (await TestSlurm.JobsAsync(jobName)).Count == 0, "the search's jobs are gone", 60, () => executor.Error);

        Assert.Equal(SearchState.Cancelled, (await database.Store.GetSearchAsync(id))!.Summary.State);
        Assert.Contains("no trial waits for it", executor.Error); // the pending one
        Assert.Contains("its worker is idle and no trial waits", executor.Error); // the running ones
    }

    [SlurmFact]
    public async Task Executor_SlurmRefusesTheJob_LogsSlurmsReasonAndKeepsRunning()
    {
        await using var database = await QueueDatabase.CreateAsync(postgres: false);
        var (env, jobName, _) = Executor(epochMs: 300, maxJobs: 2, exitWhenIdleSeconds: 3);
        await using var sweeper = TestSlurm.CancelAtEnd(jobName);
        env["HyperSearch__Slurm__Partition"] = "nosuch";
        env["Logging__LogLevel__Default"] = "Warning";
        await WorkerCommandTests.CreateSearchAsync(database, env, budget: 2, parallelism: 2, epochs: 2);

        await using var executor = CliProcess.Start(env, "slurm", "run", "--db", database.Db);
        await TestSlurm.WaitUntilAsync(() => Task.FromResult(executor.Error.Split("invalid partition").Length > 2),
            "the executor has tried twice", 60, () => executor.Error);

        Assert.Contains("Slurm executor: sbatch: sbatch: error: invalid partition specified: nosuch", executor.Error);
        Assert.False(executor.HasExited, "the executor ended");
        Assert.Empty(await TestSlurm.JobsAsync(jobName));
    }

    /// <summary>The Slurm job whose worker runs the search's trial (with at least <paramref name="minEpochs"/>), or null.</summary>
    private static async Task<string?> JobOfTrialAsync(QueueDatabase database, long searchId, int minEpochs)
    {
        var queue = await database.Store.GetQueueAsync();
        var worker = queue.Workers.FirstOrDefault(w => w.Alive && w.Slots.Any(s => s.SearchId == searchId && s.EpochsDone >= minEpochs));
        return worker is null ? null : SlurmWorkerHost.JobId(worker.Host);
    }
}

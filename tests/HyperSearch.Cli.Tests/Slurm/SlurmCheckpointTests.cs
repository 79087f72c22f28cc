using System.Text.RegularExpressions;
using HyperSearch.Cli.Tests.Queue;
using HyperSearch.Core.Searches;
using HyperSearch.Core.Slurm;
using HyperSearch.Core.Trials;

namespace HyperSearch.Cli.Tests.Slurm;

/// <summary>
/// A job cancelled mid-trial with real training (TorchSharp, fashion-mlp, a checkpoint after every epoch):
/// Slurm's SIGTERM makes the worker hand the trial back, and the next job's worker resumes it from its
/// checkpoint — the preemption and time-limit path of a real cluster.
/// </summary>
public sealed class SlurmCheckpointTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("hs-slurm-ckpt-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [SlurmFact]
    public async Task Executor_JobCancelledMidTrial_TheNextJobResumesTheTrialFromItsCheckpoint()
    {
        await using var database = await QueueDatabase.CreateAsync(postgres: false);
        var jobName = "hs" + Guid.NewGuid().ToString("N")[..8];
        var logs = Path.Combine(_dir, "logs");
        var env = new Dictionary<string, string>
        {
            ["HyperSearch__Slurm__WorkerCommand"] = $"dotnet {Path.Combine(AppContext.BaseDirectory, "hypersearch.dll")}",
            ["HyperSearch__Slurm__Partition"] = TestSlurm.Partition ?? "",
            ["HyperSearch__Slurm__JobName"] = jobName,
            ["HyperSearch__Slurm__LogDirectory"] = logs,
            ["HyperSearch__Slurm__IntervalSeconds"] = "1",
            ["HyperSearch__Slurm__MaxJobs"] = "2",
            ["HyperSearch__Slurm__CpusPerTask"] = "1",
            ["HyperSearch__Slurm__ExitWhenIdleSeconds"] = "5",
            ["HyperSearch__Worker__HeartbeatSeconds"] = "0.5",
            ["HyperSearch__Worker__PollMilliseconds"] = "50",
            ["HyperSearch__Checkpoints__Directory"] = Path.Combine(_dir, "checkpoints"),
            ["HyperSearch__Checkpoints__EveryEpochs"] = "1",
            ["Logging__LogLevel__Default"] = "Warning",
            ["Logging__LogLevel__HyperSearch.Worker"] = "Information",
        };
        await using var sweeper = TestSlurm.CancelAtEnd(jobName);
        var spec = Path.Combine(_dir, "spec.json");
        await File.WriteAllTextAsync(spec, """
            { "name": "slurm-checkpoints", "workload": "fashion-mlp", "strategy": "random", "seed": 11, "budget": 1, "parallelism": 1, "epochs": 6,
              "space": { "initialLr": 0.05, "decay": { "step": { "stepSize": 2, "gamma": 0.5 } }, "optimizer": { "type": "sgd", "momentum": 0.9 } } }
            """);
        var (exit, output, error) = await CliProcess.RunAsync(env, TimeSpan.FromSeconds(120), "search", "create", "--spec", spec, "--db", database.Db);
        Assert.True(exit == 0, $"search create failed ({exit}): {error}");
        var id = long.Parse(output.Trim());

        await using var executor = CliProcess.Start(env, "slurm", "run", "--db", database.Db);
        string? firstJob = null;
        await TestSlurm.WaitUntilAsync(async () =>
        {
            var worker = (await database.Store.GetQueueAsync()).Workers.FirstOrDefault(w => w.Alive && w.Slots.Any(s => s.SearchId == id && s.EpochsDone >= 2));
            firstJob = worker is null ? null : SlurmWorkerHost.JobId(worker.Host);
            return firstJob is not null;
        }, "the trial has two epochs on a Slurm job's worker", 600, () => executor.Error);
        await TestSlurm.CancelAsync(firstJob!);
        await database.WaitUntilAsync(id, s => s.State.IsFinal(), "the search ends", 900);

        var trial = (await database.Store.GetTrialsAsync(new TrialQuery { SearchId = id, Take = 10 })).Items.Single();
        var jobLogs = Directory.GetFiles(logs).ToDictionary(f => Path.GetFileName(f), File.ReadAllText);
        var all = string.Join("\n", jobLogs.Select(l => $"== {l.Key}\n{l.Value}"));
        Assert.True((trial.State, trial.Attempt) == (TrialState.Completed, 1), $"ended {trial.State} on attempt {trial.Attempt}:\n{all}");
        Assert.Contains($"Trial {trial.Id} (search {id} #1) handed back to the queue after epoch", jobLogs[$"{jobName}-{firstJob}.log"]);
        var resumed = Regex.Match(all, $@"Trial {trial.Id} \(search {id} #1, attempt 1\) resumes from its checkpoint at epoch (\d) of 6");
        Assert.True(resumed.Success, all);
        Assert.True(int.Parse(resumed.Groups[1].Value) >= 1, all);
        Assert.Equal([1, 2, 3, 4, 5, 6], (await database.Store.GetEpochsAsync(trial.Id)).Select(e => e.Epoch));
    }
}

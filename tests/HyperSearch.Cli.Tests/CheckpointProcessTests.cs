using System.Text.Json;
using HyperSearch.Cli.Tests.Queue;
using HyperSearch.Core.Json;
using HyperSearch.Core.Searches;
using HyperSearch.Core.Trials;
using HyperSearch.Training.Devices;

namespace HyperSearch.Cli.Tests;

/// <summary>
/// Checkpoints and plug-ins with real worker processes running the real TorchSharp trainer on a real
/// SQLite file: a worker killed with kill -9 mid-trial, the trial resumed by another worker process
/// from its checkpoint with the curve of an uninterrupted run; a team's workload built from examples/
/// and trained through the plug-in path.
/// </summary>
public sealed class CheckpointProcessTests : IDisposable
{
    // Generous: these train for real, and the shared machine can run 10–40× slower than when idle.
    private static readonly TimeSpan CliTimeout = TimeSpan.FromSeconds(600);
    private readonly string _dir = Directory.CreateTempSubdirectory("hs-ckpt-proc-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private Dictionary<string, string> RealTrainer() => new()
    {
        // A 4 s lease (FastQueue's is 5 s; the reason is the same): the test asserts exactly one retry,
        // and on a loaded machine a live worker's heartbeat can be starved past 2 s (seen at load ≈ 60).
        ["HyperSearch__Worker__LeaseSeconds"] = "4",
        ["HyperSearch__Worker__HeartbeatSeconds"] = "0.5",
        ["HyperSearch__Worker__PollMilliseconds"] = "50",
        ["HyperSearch__Worker__MaxAttempts"] = "3",
        ["HyperSearch__Checkpoints__Directory"] = Path.Combine(_dir, "checkpoints"),
        ["HyperSearch__Checkpoints__EveryEpochs"] = "1",
        ["Logging__LogLevel__Default"] = "Warning",
    };

    [Fact]
    public async Task Worker_KilledMidTrial_AnotherWorkerResumesFromCheckpointWithUninterruptedCurve()
    {
        await using var database = await QueueDatabase.CreateAsync(postgres: false);
        var env = RealTrainer();
        var id = await CreateSearchAsync(database, env, "fashion-mlp", """{ "initialLr": 0.05, "decay": { "step": { "stepSize": 2, "gamma": 0.5 } }, "optimizer": { "type": "sgd", "momentum": 0.9 } }""", epochs: 6);

        var first = await KillAfterThirdCheckpointAsync(database, env, id);

        await using (var rescuer = CliProcess.Start(env, "worker", "--devices", "cpu:1", "--db", database.Db))
        {
            await database.WaitUntilAsync(id, s => s.State.IsFinal(), "the search ends", 900);
        }

        var finished = (await database.Store.GetTrialAsync(first.Id))!;
        var epochs = await database.Store.GetEpochsAsync(first.Id);
        Assert.Equal(TrialState.Completed, finished.State);
        Assert.Equal(2, finished.Attempt);
        Assert.Equal([1, 2, 3, 4, 5, 6], epochs.Select(e => e.Epoch));
        // Resumed, not retrained: the epochs up to the checkpoint are the first attempt's, the rest the second's.
        var kept = epochs.Count(e => e.Attempt == 1);
        Assert.True(kept >= 3, $"only {kept} epochs of the killed attempt were kept (it had reported {first.EpochsDone})");
        Assert.All(epochs.Skip(kept), e => Assert.Equal(2, e.Attempt));

        Assert.Equal(await UninterruptedCurveAsync(env, finished), epochs.Select(e => (e.TrainLoss, e.ValLoss)));
    }

    [Fact]
    public async Task Worker_Sigterm_TrialHandedBackAndTheNextWorkerResumesItFromItsCheckpointWithTheUninterruptedCurve()
    {
        await using var database = await QueueDatabase.CreateAsync(postgres: false);
        var env = RealTrainer();
        env["Logging__LogLevel__HyperSearch.Worker"] = "Information";
        var id = await CreateSearchAsync(database, env, "fashion-mlp", """{ "initialLr": 0.05, "decay": { "step": { "stepSize": 2, "gamma": 0.5 } }, "optimizer": { "type": "sgd", "momentum": 0.9 } }""", epochs: 6);

        int exitCode;
        TrialRow first;
        string stoppedLog;
        await using (var stopped = CliProcess.Start(env, "worker", "--devices", "cpu:1", "--db", database.Db))
        {
            await database.WaitUntilAsync(id, _ => FirstTrial(database, id).Result?.EpochsDone >= 3, "trial 1 has three epochs", 600);
            stopped.Terminate();
            Assert.True(await stopped.WaitForExitAsync(TimeSpan.FromSeconds(60)), "the worker did not stop");
            (exitCode, stoppedLog) = (stopped.ExitCode, stopped.Error);
            first = (await FirstTrial(database, id))!;
            Assert.Contains($"Trial {first.Id} (search {id} #1) handed back to the queue after epoch {first.EpochsDone}; it resumes from its checkpoint", stopped.Error);
        }
        string rescuerLog;
        await using (var rescuer = CliProcess.Start(env, "worker", "--devices", "cpu:1", "--db", database.Db))
        {
            await database.WaitUntilAsync(id, s => s.State.IsFinal(), "the search ends", 900);
            rescuerLog = rescuer.Error;
        }

        var finished = (await database.Store.GetTrialAsync(first.Id))!;
        var epochs = await database.Store.GetEpochsAsync(first.Id);
        Assert.Equal(0, exitCode);
        Assert.True((first.State, first.Attempt) == (TrialState.Queued, 1), $"handed back as {first.State} on attempt {first.Attempt}; the worker logged:\n{stoppedLog}");
        Assert.True((finished.State, finished.Attempt) == (TrialState.Completed, 1), $"ended {finished.State} on attempt {finished.Attempt}; the next worker logged:\n{rescuerLog}");
        // A checkpoint is written after each epoch's report: the one it resumes from is the last or the one before.
        var resumedAt = System.Text.RegularExpressions.Regex.Match(rescuerLog, $@"Trial {first.Id} \(search {id} #1, attempt 1\) resumes from its checkpoint at epoch (\d) of 6");
        Assert.True(resumedAt.Success, rescuerLog);
        Assert.InRange(int.Parse(resumedAt.Groups[1].Value), first.EpochsDone - 1, first.EpochsDone);
        Assert.Equal([1, 2, 3, 4, 5, 6], epochs.Select(e => e.Epoch));
        Assert.Equal(await UninterruptedCurveAsync(env, finished), epochs.Select(e => (e.TrainLoss, e.ValLoss)));
    }

    [Fact]
    public async Task Worker_DatabaseHoldsFewerEpochsThanTheCheckpoint_RetryStartsOverSoNoEpochIsMissing()
    {
        await using var database = await QueueDatabase.CreateAsync(postgres: false);
        var env = RealTrainer();
        var id = await CreateSearchAsync(database, env, "fashion-mlp", """{ "initialLr": 0.05, "decay": { "step": { "stepSize": 2, "gamma": 0.5 } }, "optimizer": { "type": "sgd", "momentum": 0.9 } }""", epochs: 6);
        var trialId = (await KillAfterThirdCheckpointAsync(database, env, id)).Id;
        // What an attempt that lost its lease in an outage leaves: it trained and checkpointed ahead of the
        // epochs it could write (they waited in its outbox and were refused).
        await using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={database.Db};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = $"DELETE FROM EpochMetrics WHERE TrialId = {trialId} AND Epoch > 1; UPDATE Trials SET EpochsDone = 1 WHERE Id = {trialId};";
            await command.ExecuteNonQueryAsync();
        }

        await using (var rescuer = CliProcess.Start(env, "worker", "--devices", "cpu:1", "--db", database.Db))
            await database.WaitUntilAsync(id, s => s.State.IsFinal(), "the search ends", 900);

        var finished = (await database.Store.GetTrialAsync(trialId))!;
        var epochs = await database.Store.GetEpochsAsync(trialId);
        Assert.Equal(TrialState.Completed, finished.State);
        // Resuming from the checkpoint left epochs 2 and 3 missing for good.
        Assert.Equal([1, 2, 3, 4, 5, 6], epochs.Select(e => e.Epoch));
        Assert.Contains("epochs the database holds", finished.Error);
        Assert.Matches(@"checkpoint 'trial-\d+' could not be restored \(it is at epoch \d, ahead of the 1 epochs the database holds\); the trial restarted from epoch 1", finished.Error);
        Assert.Equal(await UninterruptedCurveAsync(env, finished), epochs.Select(e => (e.TrainLoss, e.ValLoss)));
    }

    /// <summary>
    /// Trains trial 1 on a worker and kills it (kill -9) once a checkpoint was written after its third
    /// epoch was seen: the trainer reports an epoch before it writes that epoch's checkpoint, so the resume
    /// point is then epoch 3 or later. Returns the trial as the kill left it.
    /// </summary>
    private static async Task<TrialRow> KillAfterThirdCheckpointAsync(QueueDatabase database, IReadOnlyDictionary<string, string> env, long id)
    {
        var doomed = CliProcess.Start(env, "worker", "--devices", "cpu:1", "--db", database.Db);
        try
        {
            await database.WaitUntilAsync(id, _ => FirstTrial(database, id).Result?.EpochsDone >= 3, "trial 1 has three epochs", 600);
            var checkpoint = Path.Combine(env["HyperSearch__Checkpoints__Directory"], $"trial-{(await FirstTrial(database, id))!.Id}.ckpt");
            var seenAt = File.GetLastWriteTimeUtc(checkpoint);
            await database.WaitUntilAsync(id, _ => File.GetLastWriteTimeUtc(checkpoint) > seenAt, "a checkpoint written after epoch 3", 600);
            doomed.KillHard();
            return (await FirstTrial(database, id))!;
        }
        finally
        {
            await doomed.DisposeAsync();
        }
    }

    /// <summary>The same trial (config, seed, threads) trained without interruption, by <c>trial run</c>.</summary>
    private async Task<List<(double TrainLoss, double ValLoss)>> UninterruptedCurveAsync(IReadOnlyDictionary<string, string> env, TrialRow trial)
    {
        var config = Path.Combine(_dir, $"config-{trial.Id}.json");
        await File.WriteAllTextAsync(config, JsonSerializer.Serialize(trial.Config, HyperJson.Options));
        var seed = 11 + trial.Number;
        var threads = DeviceCatalog.ThreadsPerCpuSlot(1);
        var (exit, output, error) = await CliProcess.RunAsync(env, CliTimeout, "trial", "run", "--workload", "fashion-mlp", "--config", config,
            "--epochs", "6", "--seed", seed.ToString(), "--threads", threads.ToString(), "--json");
        Assert.True(exit == 0, error);
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => JsonDocument.Parse(line).RootElement)
            .Where(e => e.TryGetProperty("epoch", out _))
            .Select(e => (e.GetProperty("trainLoss").GetDouble(), e.GetProperty("valLoss").GetDouble()))
            .ToList();
    }

    [Fact]
    public async Task Worker_ExamplePluginBuiltAndLoaded_SearchRunsAndBadParamsFailOnlyTheirTrial()
    {
        var root = TestRepo.Root;
        var project = Path.Combine(root, "examples", "TeamWorkloads");
        // Its own bin/ folder, as a team would build it (-o would also rebuild HyperSearch.Training into the folder).
        var (built, buildLog) = await DotnetBuild.RunAsync(Path.Combine(project, "TeamWorkloads.csproj"));
        var output = Path.Combine(project, "bin", "Debug", "net10.0");
        Assert.True(built, buildLog);
        await using var database = await QueueDatabase.CreateAsync(postgres: false);
        var env = RealTrainer();
        env["HyperSearch__Workloads__Plugins__0"] = Path.Combine(output, "TeamWorkloads.dll");
        // depth 9 is outside the workload's own range (1..6): those trials fail with its message.
        var id = await CreateSearchAsync(database, env, "team-moons",
            """{ "initialLr": 0.05, "decay": { "constant": {} }, "optimizer": { "type": "adam" }, "params": { "depth": [1, 2, 9], "width": [16, 32] } }""",
            epochs: 3, budget: 6, strategy: "grid");

        await using (var worker = CliProcess.Start(env, "worker", "--devices", "cpu:2", "--db", database.Db))
        {
            await database.WaitUntilAsync(id, s => s.State.IsFinal(), "the search ends", 900);
        }

        var trials = (await database.Store.GetTrialsAsync(new TrialQuery { SearchId = id, Take = 100, Sort = TrialSort.Number })).Items;
        var failed = trials.Where(t => t.State == TrialState.Failed).ToList();
        var completed = trials.Where(t => t.State == TrialState.Completed).ToList();
        Assert.Equal(2, failed.Count);
        Assert.All(failed, t => Assert.Equal(9, t.Config.Params!["depth"]));
        Assert.All(failed, t => Assert.Contains("workload 'team-moons': CreateModel failed: params.depth: must be an integer in [1, 6]", t.Error));
        Assert.Equal(4, completed.Count);
        foreach (var trial in completed)
        {
            var accuracy = (await database.Store.GetEpochsAsync(trial.Id))[^1].ValAccuracy;
            Assert.True(accuracy > 0.8, $"trial {trial.Number} reached only {accuracy}");
        }
    }

    private static async Task<TrialRow?> FirstTrial(QueueDatabase database, long searchId) =>
        (await database.Store.GetTrialsAsync(new TrialQuery { SearchId = searchId, Sort = TrialSort.Number, Take = 1 })).Items.FirstOrDefault();

    private async Task<long> CreateSearchAsync(QueueDatabase database, IReadOnlyDictionary<string, string> env, string workload, string space,
        int epochs, int budget = 1, string strategy = "random")
    {
        var spec = Path.Combine(_dir, $"spec-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(spec, $$"""
            { "name": "checkpoints", "workload": "{{workload}}", "strategy": "{{strategy}}", "seed": 11,
              "budget": {{budget}}, "parallelism": {{Math.Min(2, budget)}}, "epochs": {{epochs}}, "space": {{space}} }
            """);
        var (exit, output, error) = await CliProcess.RunAsync(env, CliTimeout, "search", "create", "--spec", spec, "--db", database.Db);
        Assert.True(exit == 0, $"search create failed ({exit}): {error}");
        return long.Parse(output.Trim());
    }
}

using HyperSearch.Cli.Tests.Queue;
using HyperSearch.Core.Searches;
using HyperSearch.Core.Trials;

namespace HyperSearch.Cli.Tests;

/// <summary>
/// Command workloads through real worker processes on a real SQLite file: Optuna's pytorch_simple ported
/// to a Python command workload (examples/python, Debian's python3-torch) searched, pruned, cancelled, and
/// resumed from its own checkpoint after the worker was killed with kill -9; and programs that crash,
/// hang, print garbage or exit non-zero failing only their trial. After each, no program is left running.
/// </summary>
public sealed class CommandWorkloadProcessTests : IDisposable
{
    private static readonly TimeSpan CliTimeout = TimeSpan.FromSeconds(600);
    private readonly string _dir = Directory.CreateTempSubdirectory("hs-cmd-proc-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Checkpoints => Path.Combine(_dir, "checkpoints");

    /// <summary>The worker's settings with one command workload; <paramref name="arguments"/> follow the executable.</summary>
    private Dictionary<string, string> Env(string name, string executable, params string[] arguments)
    {
        var env = new Dictionary<string, string>
        {
            // As CheckpointProcessTests: a 4 s lease survives a starved heartbeat on a loaded machine.
            ["HyperSearch__Worker__LeaseSeconds"] = "4",
            ["HyperSearch__Worker__HeartbeatSeconds"] = "0.5",
            ["HyperSearch__Worker__PollMilliseconds"] = "50",
            ["HyperSearch__Worker__MaxAttempts"] = "3",
            ["HyperSearch__Checkpoints__Directory"] = Checkpoints,
            ["Logging__LogLevel__Default"] = "Warning",
            ["HyperSearch__Workloads__Commands__0__Name"] = name,
            ["HyperSearch__Workloads__Commands__0__Executable"] = executable,
        };
        for (var i = 0; i < arguments.Length; i++) env[$"HyperSearch__Workloads__Commands__0__Arguments__{i}"] = arguments[i];
        return env;
    }

    private Dictionary<string, string> PytorchSimple(params string[] arguments) =>
        Env("pytorch-simple", "/usr/bin/python3", [Path.Combine(TestRepo.Root, "examples", "python", "pytorch_simple.py"), .. arguments]);

    private const string Mlp = """ "optimizer": { "type": "adam" }, "params": { "n_layers": 2, "n_units_l0": 64, "n_units_l1": 32, "dropout_l0": 0.2, "dropout_l1": 0.2 } """;

    [Fact]
    public async Task Worker_PytorchSimpleSearch_TheGoodTrialCompletesAndTheHopelessOneIsPruned()
    {
        await using var database = await QueueDatabase.CreateAsync(postgres: false);
        var env = PytorchSimple("--train-size", "1024", "--valid-size", "512");
        // Grid order: lr 0.01 first, completing; lr 1e-5 then trails its epoch-1 accuracy and the median pruner stops it.
        var id = await CreateSearchAsync(database, env, "pytorch-simple", $$"""{ "initialLr": [0.01, 0.00001], "decay": { "constant": {} }, {{Mlp}} }""",
            epochs: 3, budget: 2, extra: """ "objective": "valAccuracy", "pruner": { "type": "median", "startupTrials": 1, "warmupSteps": 0 }, """);

        await using (var worker = CliProcess.Start(env, "worker", "--devices", "cpu:1", "--db", database.Db))
        {
            await database.WaitUntilAsync(id, s => s.State.IsFinal(), "the search ends", 600);
            Assert.False(worker.HasExited, worker.Error);
        }

        var trials = await TrialsAsync(database, id);
        Assert.Equal([TrialState.Completed, TrialState.Pruned], trials.Select(t => t.State));
        Assert.Equal([0.01, 0.00001], trials.Select(t => t.InitialLr));
        var good = await database.Store.GetEpochsAsync(trials[0].Id);
        Assert.Equal([1, 2, 3], good.Select(e => e.Epoch));
        Assert.True(good[^1].ValAccuracy > 0.5, $"pytorch_simple reached only {good[^1].ValAccuracy} in 3 epochs");
        Assert.All(good, e => Assert.Equal(0.01, e.Lr));
        Assert.True(trials[1].EpochsDone < 3, $"the pruned trial ran {trials[1].EpochsDone} epochs");
        Assert.Empty(ProgramsIn(Checkpoints));
    }

    [Fact]
    public async Task Worker_SearchCancelledMidTrial_TheProgramIsStoppedAndTheTrialCancelled()
    {
        await using var database = await QueueDatabase.CreateAsync(postgres: false);
        var env = PytorchSimple();
        var id = await CreateSearchAsync(database, env, "pytorch-simple", $$"""{ "initialLr": 0.01, "decay": { "cosine": { "tMax": 200 } }, {{Mlp}} }""", epochs: 200);

        await using (var worker = CliProcess.Start(env, "worker", "--devices", "cpu:1", "--db", database.Db))
        {
            await database.WaitUntilAsync(id, s => s.Counts.Running == 1 && FirstTrial(database, id).Result?.EpochsDone >= 1, "an epoch was reported", 600);
            Assert.NotEmpty(ProgramsIn(Checkpoints));
            var (exit, _, error) = await CliProcess.RunAsync(env, CliTimeout, "search", "cancel", id.ToString(), "--db", database.Db);
            Assert.True(exit == 0, error);
            // The search is cancelled at once; its running trial when the worker notices (at its next epoch).
            await database.WaitUntilAsync(id, s => s.Counts.Running == 0, "the running trial ends", 600);
            Assert.False(worker.HasExited, worker.Error);
        }

        var trial = (await FirstTrial(database, id))!;
        Assert.Equal(TrialState.Cancelled, trial.State);
        Assert.True(trial.EpochsDone < 200);
        Assert.True(await NoProgramsInAsync(Checkpoints), "the cancelled trial's program is still running");
    }

    [Fact]
    public async Task Worker_KilledMidTrial_RestartedWorkerResumesFromTheProgramsCheckpointWithEachEpochOnce()
    {
        await using var database = await QueueDatabase.CreateAsync(postgres: false);
        var env = PytorchSimple();
        const int epochs = 12;
        var id = await CreateSearchAsync(database, env, "pytorch-simple",
            $$"""{ "initialLr": 0.01, "decay": { "step": { "stepSize": 4, "gamma": 0.5 } }, {{Mlp}} }""", epochs: epochs);

        var doomed = CliProcess.Start(env, "worker", "--devices", "cpu:1", "--db", database.Db);
        TrialRow first;
        try
        {
            // The program saves its checkpoint after the worker answered an epoch, which it does once the epoch is stored.
            string Checkpoint() => Path.Combine(Checkpoints, $"trial-{FirstTrial(database, id).Result!.Id}", "checkpoint", "last.pt");
            await database.WaitUntilAsync(id, _ => FirstTrial(database, id).Result?.EpochsDone >= 2 && File.Exists(Checkpoint()), "two epochs and a checkpoint", 600);
            Assert.NotEmpty(ProgramsIn(Checkpoints));
            // kill -9 of the worker alone (not its process tree): its program notices and must not live on.
            System.Diagnostics.Process.GetProcessById(doomed.Id).Kill();
            first = (await FirstTrial(database, id))!;
            Assert.True(await NoProgramsInAsync(Checkpoints), "the program outlived its killed worker");
        }
        finally
        {
            await doomed.DisposeAsync();
        }

        await using (var rescuer = CliProcess.Start(env, "worker", "--devices", "cpu:1", "--db", database.Db))
        {
            await database.WaitUntilAsync(id, s => s.State.IsFinal(), "the search ends", 600);
        }

        var finished = (await database.Store.GetTrialAsync(first.Id))!;
        var stored = await database.Store.GetEpochsAsync(first.Id);
        Assert.Equal(TrialState.Completed, finished.State);
        Assert.Equal(2, finished.Attempt);
        Assert.Equal(Enumerable.Range(1, epochs), stored.Select(e => e.Epoch));
        // Resumed, not retrained: the epochs up to the program's checkpoint are the first attempt's.
        var kept = stored.Count(e => e.Attempt == 1);
        Assert.True(kept >= 2, $"only {kept} epochs of the killed attempt were kept (it had reported {first.EpochsDone})");
        Assert.All(stored.Skip(kept), e => Assert.Equal(2, e.Attempt));
        // The worker's schedule went on where it was: step decay halves the LR every 4 epochs.
        Assert.Equal(stored.Select(e => 0.01 * Math.Pow(0.5, (e.Epoch - 1) / 4)), stored.Select(e => e.Lr));
        Assert.True(stored[^1].ValAccuracy > 0.7, $"the resumed run reached only {stored[^1].ValAccuracy}");
    }

    [Fact]
    public async Task Worker_ProgramsThatCrashHangPrintGarbageOrExitNonZero_FailOnlyTheirTrialWithTheirStderr()
    {
        var stub = Path.Combine(_dir, "stub.py");
        await File.WriteAllTextAsync(stub, """
            import json, os, sys, time
            trial = json.load(open(os.environ["HYPERSEARCH_TRIAL_FILE"]))
            mode = int(trial["config"]["params"]["mode"])
            print(f"mode {mode} starting", file=sys.stderr, flush=True)
            for epoch in range(1, trial["epochs"] + 1):
                if epoch == 2 and mode == 1:
                    raise RuntimeError("crashed in epoch 2")
                if epoch == 2 and mode == 2:
                    time.sleep(600)
                if epoch == 2 and mode == 3:
                    print("loss=0.5", flush=True)
                print(json.dumps({"epoch": epoch, "trainLoss": 1 / epoch, "valLoss": 1 / epoch, "valAccuracy": 0.5}), flush=True)
                if sys.stdin.readline().split()[0] == "prune":
                    sys.exit(0)
            if mode == 4:
                print("could not write the model", file=sys.stderr)
                sys.exit(5)
            """);
        await using var database = await QueueDatabase.CreateAsync(postgres: false);
        var env = Env("stub", "/usr/bin/python3", stub);
        env["HyperSearch__Workloads__Commands__0__EpochTimeoutSeconds"] = "3";
        // The healthy trial runs between the failures: three failures of one kind in a row would pause the
        // search (MisconfigurationCheck) before every mode had run, and this test is about isolation.
        var id = await CreateSearchAsync(database, env, "stub", """{ "initialLr": 0.01, "params": { "mode": [1, 2, 0, 3, 4] } }""", epochs: 3, budget: 5);

        await using (var worker = CliProcess.Start(env, "worker", "--devices", "cpu:1", "--db", database.Db))
        {
            await database.WaitUntilAsync(id, s => s.State.IsFinal(), "the search ends", 600);
            Assert.False(worker.HasExited, worker.Error);
        }

        var trials = (await TrialsAsync(database, id)).ToDictionary(t => (int)t.Config.Params!["mode"]);
        Assert.Equal(TrialState.Completed, trials[0].State);
        Assert.All(trials.Where(t => t.Key != 0), t => Assert.Equal((TrialState.Failed, 1), (t.Value.State, t.Value.Attempt)));
        Assert.Equal("WorkloadException: workload 'stub': the program exited with code 1 after epoch 1 of 3; its last stderr lines:\nmode 1 starting\nTraceback (most recent call last):",
            trials[1].Error![..trials[1].Error!.IndexOf("Traceback", StringComparison.Ordinal)] + "Traceback (most recent call last):");
        Assert.EndsWith("RuntimeError: crashed in epoch 2", trials[1].Error);
        Assert.Equal("WorkloadException: workload 'stub': the program printed nothing for 3 s while the worker waited for epoch 2 "
            + "(HyperSearch:Workloads:Commands:0:EpochTimeoutSeconds); its last stderr lines:\nmode 2 starting", trials[2].Error);
        Assert.Equal("WorkloadException: workload 'stub': the program printed a line that is not a protocol message (not a JSON object ('l' is an invalid start of a value)): loss=0.5; "
            + "its last stderr lines:\nmode 3 starting", trials[3].Error);
        Assert.Equal("WorkloadException: workload 'stub': the program exited with code 5 after epoch 3 of 3; its last stderr lines:\nmode 4 starting\ncould not write the model", trials[4].Error);
        Assert.Equal(1, trials[2].EpochsDone);
        Assert.True(await NoProgramsInAsync(Checkpoints), "a failed trial's program is still running");
    }

    /// <summary>Live processes started for a trial whose checkpoint folder is under <paramref name="folder"/> (read from their environment).</summary>
    private static List<int> ProgramsIn(string folder)
    {
        var marker = System.Text.Encoding.UTF8.GetBytes($"HYPERSEARCH_CHECKPOINT_DIR={folder}");
        var found = new List<int>();
        foreach (var entry in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(entry), out var pid)) continue;
            try
            {
                var stat = File.ReadAllText(Path.Combine(entry, "stat"));
                if (stat[(stat.LastIndexOf(')') + 2)..][0] is 'Z' or 'X') continue;
                if (File.ReadAllBytes(Path.Combine(entry, "environ")).AsSpan().IndexOf(marker) >= 0) found.Add(pid);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Gone meanwhile, or not ours to read.
            }
        }
        return found;
    }

    private static async Task<bool> NoProgramsInAsync(string folder)
    {
        for (var i = 0; i < 300 && ProgramsIn(folder).Count > 0; i++) await Task.Delay(50);
        return ProgramsIn(folder).Count == 0;
    }

    private static async Task<List<TrialRow>> TrialsAsync(QueueDatabase database, long searchId) =>
        [.. (await database.Store.GetTrialsAsync(new TrialQuery { SearchId = searchId, Take = 100, Sort = TrialSort.Number })).Items];

    private static async Task<TrialRow?> FirstTrial(QueueDatabase database, long searchId) =>
        (await database.Store.GetTrialsAsync(new TrialQuery { SearchId = searchId, Sort = TrialSort.Number, Take = 1 })).Items.FirstOrDefault();

    private async Task<long> CreateSearchAsync(QueueDatabase database, IReadOnlyDictionary<string, string> env, string workload, string space,
        int epochs, int budget = 1, string extra = "")
    {
        var spec = Path.Combine(_dir, $"spec-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(spec, $$"""
            { "name": "command", "workload": "{{workload}}", "strategy": "grid", "seed": 11, {{extra}}
              "budget": {{budget}}, "parallelism": 1, "epochs": {{epochs}}, "space": {{space}} }
            """);
        var (exit, output, error) = await CliProcess.RunAsync(env, CliTimeout, "search", "create", "--spec", spec, "--db", database.Db);
        Assert.True(exit == 0, $"search create failed ({exit}): {error}");
        return long.Parse(output.Trim());
    }
}

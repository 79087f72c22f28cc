using HyperSearch.Cli.Tests.Queue;
using HyperSearch.Core.Searches;
using HyperSearch.Core.Trials;

namespace HyperSearch.Cli.Tests;

/// <summary>
/// Reliability of the shared queue with real worker processes (<c>dotnet hypersearch.dll worker</c>)
/// on one real database: SQLite file always, PostgreSQL 15 when HYPERSEARCH_TEST_POSTGRES is set.
/// </summary>
public sealed class WorkerCommandTests
{
    private static readonly TimeSpan CliTimeout = TimeSpan.FromSeconds(60);

    [Fact]
    public Task Workers_ThreeProcessesOnSqlite_EveryTrialFinalOnceNoEpochLostOrDuplicatedBudgetExact() =>
        ManyWorkersAsync(postgres: false, budget: 200);

    [PostgresFact]
    public Task Workers_ThreeProcessesOnPostgres_EveryTrialFinalOnceNoEpochLostOrDuplicatedBudgetExact() =>
        ManyWorkersAsync(postgres: true, budget: 100);

    [Fact]
    public Task Worker_KilledMidTrialOnSqlite_LeaseExpiresAnotherWorkerFinishesEpochsKept() =>
        KilledWorkerAsync(postgres: false);

    [PostgresFact]
    public Task Worker_KilledMidTrialOnPostgres_LeaseExpiresAnotherWorkerFinishesEpochsKept() =>
        KilledWorkerAsync(postgres: true);

    [Fact]
    public async Task Worker_BadDevices_ExitCode2NamingTheOption()
    {
        var (exit, _, error) = await CliProcess.RunAsync(CliProcess.FastQueue(5), CliTimeout, "worker", "--devices", "gpu:1");

        Assert.Equal(2, exit);
        Assert.Contains("--devices: 'gpu:1' is not a device", error);
    }

    private static async Task ManyWorkersAsync(bool postgres, int budget)
    {
        await using var database = await QueueDatabase.CreateAsync(postgres);
        var env = CliProcess.FastQueue(epochMs: 5);
        var id = await CreateSearchAsync(database, env, budget, parallelism: 6, epochs: 3);

        var workers = Enumerable.Range(0, 3).Select(_ => CliProcess.Start(env, "worker", "--devices", "cpu:2", "--db", database.Db)).ToList();
        try
        {
            await database.WaitUntilAsync(id, s => s.State.IsFinal(), "the search ends", timeoutSeconds: 120);
        }
        finally
        {
            foreach (var w in workers) await w.DisposeAsync();
        }

        var summary = (await database.Store.GetSearchAsync(id))!.Summary;
        var trials = (await database.Store.GetTrialsAsync(new TrialQuery { SearchId = id, Take = 1000, Sort = TrialSort.Number })).Items;
        Assert.Equal(SearchState.Completed, summary.State);
        Assert.Equal(Enumerable.Range(1, budget), trials.Select(t => t.Number));
        Assert.All(trials, t => Assert.Equal(TrialState.Completed, t.State));
        Assert.All(trials, t => Assert.Equal(3, t.EpochsDone));
        Assert.Equal((budget * 3, budget * 3), await database.EpochRowsAsync(id));
        Assert.NotNull(summary.TestLoss);
        // Several processes really shared the work.
        Assert.True(trials.Select(t => t.WorkerId).Distinct().Count() >= 2, "all trials ran on one worker");
    }

    private static async Task KilledWorkerAsync(bool postgres)
    {
        await using var database = await QueueDatabase.CreateAsync(postgres);
        // FastQueue's 5 s lease: the test asserts exactly one retry, so a live rescuer's heartbeat starved
        // on a loaded machine must not expire its lease a second time.
        var env = CliProcess.FastQueue(epochMs: 300);
        var id = await CreateSearchAsync(database, env, budget: 2, parallelism: 1, epochs: 6);

        var doomed = CliProcess.Start(env, "worker", "--devices", "cpu:1", "--db", database.Db);
        TrialRow first;
        try
        {
            await database.WaitUntilAsync(id, _ => FirstTrial(database, id).Result?.EpochsDone >= 2, "trial 1 has two epochs", 60);
            doomed.KillHard();
            first = (await FirstTrial(database, id))!;
        }
        finally
        {
            await doomed.DisposeAsync();
        }
        var keptBeforeRetry = await database.Store.GetEpochsAsync(first.Id);

        await using var rescuer = CliProcess.Start(env, "worker", "--devices", "cpu:1", "--db", database.Db);
        await database.WaitUntilAsync(id, s => s.State.IsFinal(), "the search ends", 60);

        var finished = (await database.Store.GetTrialAsync(first.Id))!;
        var epochs = await database.Store.GetEpochsAsync(first.Id);
        Assert.Equal(TrialState.Running, first.State);
        Assert.True(keptBeforeRetry.Count >= 2, $"epochs written before the kill were lost: {keptBeforeRetry.Count}");
        Assert.Equal(TrialState.Completed, finished.State);
        Assert.Equal(2, finished.Attempt);
        Assert.NotEqual(first.WorkerId, finished.WorkerId);
        Assert.Equal([1, 2, 3, 4, 5, 6], epochs.Select(e => e.Epoch));
        Assert.Equal(SearchState.Completed, (await database.Store.GetSearchAsync(id))!.Summary.State);
    }

    private static async Task<TrialRow?> FirstTrial(QueueDatabase database, long searchId) =>
        (await database.Store.GetTrialsAsync(new TrialQuery { SearchId = searchId, Sort = TrialSort.Number, Take = 1 })).Items.FirstOrDefault();

    internal static async Task<long> CreateSearchAsync(QueueDatabase database, IReadOnlyDictionary<string, string> env, int budget, int parallelism, int epochs)
    {
        var spec = Path.Combine(Directory.CreateTempSubdirectory("hs-spec-").FullName, "spec.json");
        await File.WriteAllTextAsync(spec, $$"""
            { "name": "reliability", "workload": "sleep", "strategy": "random", "seed": 11,
              "budget": {{budget}}, "parallelism": {{parallelism}}, "epochs": {{epochs}},
              "space": { "initialLr": { "low": 0.0001, "high": 0.1 }, "decay": { "constant": {} } } }
            """);
        var (exit, output, error) = await CliProcess.RunAsync(env, CliTimeout, "search", "create", "--spec", spec, "--db", database.Db);
        Assert.True(exit == 0, $"search create failed ({exit}): {error}");
        return long.Parse(output.Trim());
    }
}

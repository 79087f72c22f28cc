using HyperSearch.Cli.Tests.Queue;
using HyperSearch.Core.Searches;
using HyperSearch.Core.Trials;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace HyperSearch.Cli.Tests;

/// <summary>
/// Real <c>hypersearch worker</c> processes riding out a database that goes away mid-search: a
/// PostgreSQL cluster restarted under them, a SQLite file write-locked by another process for longer
/// than the busy timeout. The leases (30 s) outlast the outage, so every trial must finish on its
/// first attempt, with the epochs it trained meanwhile written afterwards, each exactly once.
/// </summary>
public sealed class WorkerOutageTests
{
    private const int Epochs = 30;

    private static Dictionary<string, string> Environment() => new(CliProcess.FastQueue(epochMs: 100))
    {
        ["HyperSearch__Worker__LeaseSeconds"] = "30",
        ["HyperSearch__Worker__RetryMaxSeconds"] = "1",
    };

    [PostgresFact]
    public async Task Workers_PostgresRestartedMidSearch_SearchCompletesEveryEpochOnceNoTrialFailed()
    {
        await using var cluster = await PrivatePostgres.StartAsync();
        await using var database = await QueueDatabase.CreateAsync(postgres: true, cluster.Admin);
        var env = Environment();
        var id = await WorkerCommandTests.CreateSearchAsync(database, env, budget: 8, parallelism: 4, epochs: Epochs);

        var workers = Enumerable.Range(0, 2).Select(_ => CliProcess.Start(env, "worker", "--devices", "cpu:2", "--db", database.Db)).ToList();
        try
        {
            // Generous: on a loaded CI machine two worker processes can take long to start.
            await WithWorkerErrors(workers, () => database.WaitUntilAsync(id, s => s.Counts.Running >= 2 && TrialsWithEpochs(database, id, 3).Result >= 2, "two trials are training", 180));
            await cluster.RestartAsync(down: 8);
            NpgsqlConnection.ClearAllPools(); // this process's pooled connections died with the server
            await WithWorkerErrors(workers, () => database.WaitUntilAsync(id, s => s.State.IsFinal(), "the search ends", 180));
            Assert.All(workers, w => Assert.False(w.HasExited, $"a worker exited: {w.Error}"));
        }
        finally
        {
            foreach (var w in workers) await w.DisposeAsync();
        }

        await AssertCompletedOnceAsync(database, id, budget: 8);
    }

    [Fact]
    public async Task Worker_SqliteWriteLockedPastBusyTimeout_SearchCompletesEveryEpochOnceNoTrialFailed()
    {
        await using var database = await QueueDatabase.CreateAsync(postgres: false);
        var env = Environment();
        var id = await WorkerCommandTests.CreateSearchAsync(database, env, budget: 4, parallelism: 2, epochs: Epochs);

        // Microsoft.Data.Sqlite retries a busy file itself until its command timeout (30 s by default);
        // 2 s leaves SQLite's busy_timeout (10 s) as the limit the lock below outlasts.
        await using var worker = CliProcess.Start(env, "worker", "--devices", "cpu:2", "--db", $"Data Source={database.Db};Default Timeout=2");
        await WithWorkerErrors([worker], () => database.WaitUntilAsync(id, s => s.Counts.Running >= 2 && TrialsWithEpochs(database, id, 3).Result >= 2, "two trials are training", 180));
        await using (var locker = new SqliteConnection($"Data Source={database.Db};Pooling=False"))
        {
            await locker.OpenAsync();
            await using var command = locker.CreateCommand();
            command.CommandText = "BEGIN EXCLUSIVE";
            await command.ExecuteNonQueryAsync();
            // Past the busy timeout the worker's writes fail with "database is locked" (and are retried).
            await Task.Delay(TimeSpan.FromSeconds(14));
            command.CommandText = "ROLLBACK";
            await command.ExecuteNonQueryAsync();
        }
        await WithWorkerErrors([worker], () => database.WaitUntilAsync(id, s => s.State.IsFinal(), "the search ends", 180));
        Assert.False(worker.HasExited, $"the worker exited: {worker.Error}");
        Assert.Contains("database is locked", worker.Error);

        await AssertCompletedOnceAsync(database, id, budget: 4);
    }

    /// <summary>A wait that times out shows what the workers logged.</summary>
    private static async Task WithWorkerErrors(IReadOnlyList<CliProcess> workers, Func<Task> wait)
    {
        try
        {
            await wait();
        }
        catch (Xunit.Sdk.XunitException e)
        {
            throw new Xunit.Sdk.XunitException($"{e.Message}\nworker logs:\n{string.Join("\n---\n", workers.Select(w => w.Error))}");
        }
    }

    private static async Task<int> TrialsWithEpochs(QueueDatabase database, long searchId, int epochs) =>
        (await database.Store.GetTrialsAsync(new TrialQuery { SearchId = searchId, Take = 100 })).Items.Count(t => t.EpochsDone >= epochs);

    private static async Task AssertCompletedOnceAsync(QueueDatabase database, long searchId, int budget)
    {
        var summary = (await database.Store.GetSearchAsync(searchId))!.Summary;
        var trials = (await database.Store.GetTrialsAsync(new TrialQuery { SearchId = searchId, Take = 100, Sort = TrialSort.Number })).Items;
        Assert.Equal(SearchState.Completed, summary.State);
        Assert.Equal(Enumerable.Range(1, budget), trials.Select(t => t.Number));
        Assert.All(trials, t => Assert.Equal(TrialState.Completed, t.State));
        Assert.All(trials, t => Assert.Equal(1, t.Attempt));
        foreach (var trial in trials)
            Assert.Equal(Enumerable.Range(1, Epochs), (await database.Store.GetEpochsAsync(trial.Id)).Select(e => e.Epoch));
        Assert.Equal((budget * Epochs, budget * Epochs), await database.EpochRowsAsync(searchId));
    }
}

using System.Diagnostics;
using HyperSearch.Cli.Tests.Queue;
using HyperSearch.Core.Searches;
using HyperSearch.Core.Trials;
using Microsoft.Data.Sqlite;

namespace HyperSearch.Cli.Tests;

/// <summary>
/// Workers come and go cleanly, with real <c>hypersearch worker</c> processes on a real SQLite file: a
/// worker killed with kill -9 and restarted on the same machine takes its trials back at once (not a
/// lease later); SIGTERM hands the running trials back and ends the process within seconds, with no
/// error, even while the database is locked. Leases are 60 s here, so anything a lease would do shows.
/// </summary>
public sealed class WorkerLifecycleTests
{
    private const int Epochs = 30;

    private static Dictionary<string, string> Environment() => new(CliProcess.FastQueue(epochMs: 200))
    {
        ["HyperSearch__Worker__LeaseSeconds"] = "300",
        // The lines a trial's hand-back and a take-back write are information, not warnings.
        ["Logging__LogLevel__HyperSearch.Worker"] = "Information",
    };

    [Fact]
    public async Task Worker_KilledAndRestartedOnTheSameMachine_TakesItsTrialsBackAtOnceNotALeaseLater()
    {
        await using var database = await QueueDatabase.CreateAsync(postgres: false);
        var env = Environment();
        var (id, doomed) = await TwoTrialsRunningAsync(database, env);
        string doomedId;
        try
        {
            doomed.KillHard();
            doomedId = (await TrialsAsync(database, id))[0].WorkerId!;
        }
        finally
        {
            await doomed.DisposeAsync();
        }

        await using var successor = CliProcess.Start(env, "worker", "--devices", "cpu:2", "--db", database.Db);
        // Well inside the 300 s lease (the time allows for a slow start on a loaded machine): only a take-back can have started them again.
        await CliProcess.ShowingLogsAsync([successor], () => database.WaitUntilAsync(id,
            _ => TrialsAsync(database, id).Result.All(t => t is { State: TrialState.Running, Attempt: 2 } && t.WorkerId != doomedId),
            "both trials run again on the restarted worker", 150));
        var queueMeanwhile = await database.Store.GetQueueAsync();
        await database.WaitUntilAsync(id, s => s.State.IsFinal(), "the search ends", 120);

        var trials = await TrialsAsync(database, id);
        Assert.DoesNotContain(queueMeanwhile.Workers, w => w.Id == doomedId); // the dead worker left the Queue page
        Assert.Equal(SearchState.Completed, (await database.Store.GetSearchAsync(id))!.Summary.State);
        Assert.All(trials, t => Assert.Equal((TrialState.Completed, 2), (t.State, t.Attempt)));
        foreach (var trial in trials)
            Assert.Equal(Enumerable.Range(1, Epochs), (await database.Store.GetEpochsAsync(trial.Id)).Select(e => e.Epoch));
        Assert.Contains($"Worker {doomedId} on this machine is gone: took back its 2 running trial(s)", successor.Error);
    }

    [Fact]
    public async Task Worker_Sigterm_HandsItsTrialsBackAndExitsWithinSecondsWithoutAnError()
    {
        await using var database = await QueueDatabase.CreateAsync(postgres: false);
        var env = Environment();
        var (id, worker) = await TwoTrialsRunningAsync(database, env);
        await using var _ = worker;
        var workerId = (await TrialsAsync(database, id))[0].WorkerId;

        var clock = Stopwatch.StartNew();
        worker.Terminate();
        var exited = await worker.WaitForExitAsync(TimeSpan.FromSeconds(60));
        var stopTook = clock.Elapsed;

        Assert.True(exited, "the worker did not stop within 60 s");
        // The stop budget is 3 s (plus 0.75 s to unregister); the bound leaves room for a loaded machine. It took 30 s and more.
        Assert.True(stopTook < TimeSpan.FromSeconds(10), $"the worker took {stopTook.TotalSeconds:0.0} s to stop");
        Assert.Equal(0, worker.ExitCode);
        Assert.False(worker.Error.Contains("fail:"), worker.Error);
        Assert.False(worker.Error.Contains("Exception"), worker.Error);
        var trials = await TrialsAsync(database, id);
        Assert.All(trials, t => Assert.Equal((TrialState.Queued, 1), (t.State, t.Attempt)));
        foreach (var trial in trials)
            Assert.Contains($"Trial {trial.Id} (search {id} #{trial.Number}) handed back to the queue after epoch {trial.EpochsDone}; it starts over (no checkpoints)", worker.Error);
        Assert.DoesNotContain((await database.Store.GetQueueAsync()).Workers, w => w.Id == workerId);

        // Handed back, not lost: the next worker finishes them on the same attempt, every epoch once.
        await using (var next = CliProcess.Start(env, "worker", "--devices", "cpu:2", "--db", database.Db))
            await database.WaitUntilAsync(id, s => s.State.IsFinal(), "the search ends", 120);
        Assert.All(await TrialsAsync(database, id), t => Assert.Equal((TrialState.Completed, 1), (t.State, t.Attempt)));
        Assert.Equal((2 * Epochs, 2 * Epochs), await database.EpochRowsAsync(id));
    }

    [Fact]
    public async Task Worker_SigtermWhileTheDatabaseIsLocked_StopsWithinSecondsAndItsTrialsComeBackAtTheRestart()
    {
        await using var database = await QueueDatabase.CreateAsync(postgres: false);
        var env = Environment();
        var (id, worker) = await TwoTrialsRunningAsync(database, env);
        TimeSpan stopTook;
        int exitCode;
        string log;
        try
        {
            await using var locker = new SqliteConnection($"Data Source={database.Db};Pooling=False");
            await locker.OpenAsync();
            await using var command = locker.CreateCommand();
            command.CommandText = "BEGIN EXCLUSIVE";
            await command.ExecuteNonQueryAsync();

            var clock = Stopwatch.StartNew();
            worker.Terminate();
            Assert.True(await worker.WaitForExitAsync(TimeSpan.FromSeconds(60)), "the worker did not stop within 60 s");
            stopTook = clock.Elapsed;
            (exitCode, log) = (worker.ExitCode, worker.Error);
            command.CommandText = "ROLLBACK";
            await command.ExecuteNonQueryAsync();
        }
        finally
        {
            await worker.DisposeAsync();
        }

        // Nothing could be handed back: the restarted worker takes the trials back at once (the lease is 300 s).
        await using var next = CliProcess.Start(env, "worker", "--devices", "cpu:2", "--db", database.Db);
        await CliProcess.ShowingLogsAsync([next], () => database.WaitUntilAsync(id,
            _ => TrialsAsync(database, id).Result.All(t => t is { State: TrialState.Running, Attempt: 2 }), $"both trials run again (the stopped worker logged:\n{log})", 150));
        await database.WaitUntilAsync(id, s => s.State.IsFinal(), "the search ends", 120);

        // It waited on the lock until the host's 30 s shutdown timeout disposed the store under it.
        Assert.True(stopTook < TimeSpan.FromSeconds(10), $"the worker took {stopTook.TotalSeconds:0.0} s to stop");
        Assert.Equal(0, exitCode);
        Assert.DoesNotContain("Exception", log);
        Assert.Contains("2 trial(s) not handed back within 3 s", log);
        Assert.Equal(SearchState.Completed, (await database.Store.GetSearchAsync(id))!.Summary.State);
        foreach (var trial in await TrialsAsync(database, id))
            Assert.Equal(Enumerable.Range(1, Epochs), (await database.Store.GetEpochsAsync(trial.Id)).Select(e => e.Epoch));
    }

    /// <summary>A search of two trials, both running on one new worker and past their second epoch.</summary>
    private static async Task<(long Id, CliProcess Worker)> TwoTrialsRunningAsync(QueueDatabase database, IReadOnlyDictionary<string, string> env)
    {
        var id = await WorkerCommandTests.CreateSearchAsync(database, env, budget: 2, parallelism: 2, epochs: Epochs);
        var worker = CliProcess.Start(env, "worker", "--devices", "cpu:2", "--db", database.Db);
        try
        {
            await database.WaitUntilAsync(id, _ => TrialsAsync(database, id).Result.Count(t => t.EpochsDone >= 2) == 2, "both trials have two epochs", 120);
            return (id, worker);
        }
        catch
        {
            await worker.DisposeAsync();
            throw;
        }
    }

    private static async Task<IReadOnlyList<TrialRow>> TrialsAsync(QueueDatabase database, long searchId) =>
        (await database.Store.GetTrialsAsync(new TrialQuery { SearchId = searchId, Take = 100, Sort = TrialSort.Number })).Items;
}

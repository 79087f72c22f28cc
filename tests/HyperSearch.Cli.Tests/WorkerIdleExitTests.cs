using HyperSearch.Cli.Tests.Queue;
using HyperSearch.Core.Searches;
using HyperSearch.Core.Trials;

namespace HyperSearch.Cli.Tests;

/// <summary>
/// <c>hypersearch worker --exit-when-idle</c> (what a Slurm job runs): the worker ends by itself, cleanly,
/// once none of its slots has had a trial for that long — and not while it trains.
/// </summary>
public sealed class WorkerIdleExitTests
{
    [Fact]
    public async Task Worker_ExitWhenIdle_TrainsTheQueueThenExitsCleanlyAfterTheIdleTime()
    {
        await using var database = await QueueDatabase.CreateAsync(postgres: false);
        var env = new Dictionary<string, string>(CliProcess.FastQueue(epochMs: 200)) { ["Logging__LogLevel__HyperSearch.Worker"] = "Information" };
        // 2 trials × 15 epochs × 0.2 s: each trains for 3 s; the idle time (5 s) is longer than a gap between
        // trials on a loaded machine, so the worker may only leave once the search has ended.
        var id = await WorkerCommandTests.CreateSearchAsync(database, env, budget: 2, parallelism: 1, epochs: 15);

        await using var worker = CliProcess.Start(env, "worker", "--devices", "cpu:1", "--db", database.Db, "--exit-when-idle", "5");
        Assert.True(await worker.WaitForExitAsync(TimeSpan.FromSeconds(120)), "the worker did not exit");

        Assert.Equal(0, worker.ExitCode);
        // It left only after the search (both trials and the test run) had ended.
        Assert.True((await database.Store.GetSearchAsync(id))!.Summary.State == SearchState.Completed, worker.Error);
        var trials = (await database.Store.GetTrialsAsync(new TrialQuery { SearchId = id, Take = 10 })).Items;
        Assert.All(trials, t => Assert.Equal(TrialState.Completed, t.State));
        Assert.Contains("No trial for 5 s: the worker exits (exit when idle)", worker.Error);
        Assert.DoesNotContain("fail:", worker.Error);
        Assert.DoesNotContain((await database.Store.GetQueueAsync()).Workers, w => w.Alive); // it unregistered
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-3")]
    public async Task Worker_ExitWhenIdleNotPositive_IsRefusedNamingTheSwitch(string value)
    {
        await using var database = await QueueDatabase.CreateAsync(postgres: false);

        var (exit, _, error) = await CliProcess.RunAsync(CliProcess.FastQueue(epochMs: 10), TimeSpan.FromSeconds(60),
            "worker", "--db", database.Db, "--exit-when-idle", value);

        Assert.Equal(2, exit);
        Assert.Contains("--exit-when-idle: must be a positive number of seconds", error);
    }
}

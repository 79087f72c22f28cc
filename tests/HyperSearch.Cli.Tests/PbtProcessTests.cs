using System.Text.Json;
using HyperSearch.Cli.Tests.Queue;
using HyperSearch.Core.Pbt;
using HyperSearch.Core.Sampling;
using HyperSearch.Core.Schedules;
using HyperSearch.Core.Searches;
using HyperSearch.Core.Trials;

namespace HyperSearch.Cli.Tests;

/// <summary>
/// Population-based training end to end: a real worker process trains a population on the real
/// TorchSharp trainer with real checkpoints on a real SQLite file; members continue from their own or
/// a top member's checkpoint; the best member's discovered schedule, exported as a piecewise config
/// and replayed by the worker as a normal trial from scratch, has exactly the same LR at every epoch.
/// </summary>
public sealed class PbtProcessTests : IDisposable
{
    private static readonly TimeSpan CliTimeout = TimeSpan.FromSeconds(600);
    private readonly string _dir = Directory.CreateTempSubdirectory("hs-pbt-proc-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private Dictionary<string, string> Env() => new()
    {
        ["HyperSearch__Worker__PollMilliseconds"] = "50",
        ["HyperSearch__Checkpoints__Directory"] = Path.Combine(_dir, "checkpoints"),
        ["HyperSearch__Checkpoints__EveryEpochs"] = "1",
        ["Logging__LogLevel__Default"] = "Warning",
    };

    [Fact]
    public async Task Worker_PbtSearch_MembersForkCheckpointsAndReplayedScheduleHasTheDiscoveredLrs()
    {
        await using var database = await QueueDatabase.CreateAsync(postgres: false);
        var env = Env();
        // 3 members × 3 segments of 2 epochs; the fraction makes the worst member copy the best one.
        const string space = """
            { "initialLr": { "low": 0.0005, "high": 0.01 }, "decay": { "cosine": { "tMax": { "low": 4, "high": 12 } } },
              "pbt": { "population": 3, "interval": 2, "fraction": 0.34, "perturbFactors": [0.8, 1.2] } }
            """;
        var id = await CreateSearchAsync(database, env, "pbt", space, budget: 9, parallelism: 3);

        await using (CliProcess.Start(env, "worker", "--devices", "cpu:2", "--db", database.Db))
        {
            await database.WaitUntilAsync(id, s => s.State.IsFinal(), "the PBT search ends", 900);
        }

        var trials = (await database.Store.GetTrialsAsync(new TrialQuery { SearchId = id, Take = 100, Sort = TrialSort.Number })).Items;
        Assert.Equal(9, trials.Count);
        Assert.All(trials, t => Assert.Equal(TrialState.Completed, t.State));
        var epochs = await database.Store.GetEpochsAsync(trials.Select(t => t.Id).ToList());
        var byNumber = trials.ToDictionary(t => t.Number);
        foreach (var trial in trials)
        {
            var lineage = trial.Config.Pbt!;
            var own = epochs[trial.Id];
            // Each segment trains only its own epochs, numbered globally …
            Assert.Equal(Enumerable.Range(lineage.StartEpoch + 1, lineage.EndEpoch - lineage.StartEpoch), own.Select(e => e.Epoch));
            // … at its config's schedule position (the schedule was replayed to the parent's epoch).
            var schedule = LrSchedulePreview.Compute(trial.Config, lineage.EndEpoch);
            Assert.All(own, e => Assert.Equal(schedule[e.Epoch - 1], e.Lr));
            if (lineage.ParentNumber is { } parentNumber)
            {
                // … from the parent's weights: its first epoch is better than the parent's first one, trained from scratch or not.
                var parent = byNumber[parentNumber];
                Assert.Equal(parent.Config.Pbt!.EndEpoch, lineage.StartEpoch);
                Assert.True(own[0].TrainLoss < epochs[parent.Id][0].TrainLoss,
                    $"trial {trial.Number} started at train loss {own[0].TrainLoss}, its parent {parent.Number} at {epochs[parent.Id][0].TrainLoss}");
            }
        }
        Assert.Equal([0, 1, 2], trials.Select(t => t.Config.Pbt!.Member).Distinct().Order());
        // Synchronous generations: after each one the worst member copies the best (fraction 0.34 of 3 = one each).
        foreach (var generation in new[] { 1, 2 })
        {
            var previous = trials.Where(t => t.Config.Pbt!.Generation == generation - 1).ToList();
            var copied = Assert.Single(trials, t => t.Config.Pbt!.Generation == generation && t.Config.Pbt.CopiedFromMember is not null);
            Assert.Equal((previous.MaxBy(t => t.BestValue)!.Config.Pbt!.Member, previous.MinBy(t => t.BestValue)!.Config.Pbt!.Member),
                (copied.Config.Pbt!.Member, copied.Config.Pbt.CopiedFromMember!.Value));
        }

        // Export the best member's discovered schedule and replay it as a normal trial from scratch.
        var report = PbtReport.Build(trials, epochs, ObjectiveDirection.Minimize);
        Assert.NotNull(report.Exported);
        Assert.Equal(6, report.DiscoveredLrs!.Length);
        var replaySpace = PbtReplay.SpaceJsonOf(report.Exported);
        var replay = await CreateSearchAsync(database, env, "grid", replaySpace, budget: 1, parallelism: 1);
        await using (CliProcess.Start(env, "worker", "--devices", "cpu:1", "--db", database.Db))
        {
            await database.WaitUntilAsync(replay, s => s.State.IsFinal(), "the replay ends", 600);
        }

        var replayed = (await database.Store.GetTrialsAsync(new TrialQuery { SearchId = replay, Take = 10 })).Items.Single();
        Assert.Equal(TrialState.Completed, replayed.State);
        Assert.Null(replayed.Config.Pbt);
        var replayedLrs = (await database.Store.GetEpochsAsync(replayed.Id)).Select(e => e.Lr).ToArray();
        Assert.Equal(report.DiscoveredLrs, replayedLrs);
    }

    private async Task<long> CreateSearchAsync(QueueDatabase database, IReadOnlyDictionary<string, string> env, string strategy, string space,
        int budget, int parallelism)
    {
        var spec = Path.Combine(_dir, $"spec-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(spec, $$"""
            { "name": "pbt", "workload": "synthetic-regression", "strategy": "{{strategy}}", "seed": 5,
              "budget": {{budget}}, "parallelism": {{parallelism}}, "epochs": 6, "space": {{space}} }
            """);
        var (exit, output, error) = await CliProcess.RunAsync(env, CliTimeout, "search", "create", "--spec", spec, "--db", database.Db);
        Assert.True(exit == 0, $"search create failed ({exit}): {error}");
        return long.Parse(output.Trim());
    }
}

using HyperSearch.Cli.Tests.Queue;
using HyperSearch.Core.Pruning;
using HyperSearch.Core.Searches;
using HyperSearch.Core.Trials;

namespace HyperSearch.Cli.Tests;

/// <summary>
/// BOHB end to end: TPE proposes and Hyperband allocates epochs, through the queue, in a real worker
/// process training on the real TorchSharp trainer against a real SQLite file. The conformance suites
/// test the pruner's decisions on synthetic curves; this one proves the worker asks it after every
/// epoch and stops trials only where their bracket has a rung.
/// </summary>
public sealed class HyperbandProcessTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("hs-bohb-proc-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task Worker_BohbSearch_StopsTrialsOnlyAtTheirBracketsRungs()
    {
        await using var database = await QueueDatabase.CreateAsync(postgres: false);
        var env = new Dictionary<string, string>
        {
            ["HyperSearch__Worker__PollMilliseconds"] = "50",
            ["Logging__LogLevel__Default"] = "Warning",
        };
        // η = 3, r = 1, R = 9: brackets with rungs {1, 3, 9}, {3, 9} and {9}. The LR range spans two
        // decades, so early curves differ and the bottom of each rung is stopped.
        var spec = Path.Combine(_dir, "bohb.json");
        await File.WriteAllTextAsync(spec, """
            { "name": "bohb", "workload": "synthetic-regression", "strategy": "tpe", "seed": 3,
              "budget": 14, "parallelism": 2, "epochs": 9,
              "pruner": { "type": "hyperband", "reductionFactor": 3, "minResource": 1 },
              "space": { "initialLr": { "low": 0.0001, "high": 0.05 }, "decay": { "cosine": { "tMax": { "low": 3, "high": 9 } } } } }
            """);
        var (exit, output, error) = await CliProcess.RunAsync(env, TimeSpan.FromSeconds(300), "search", "create", "--spec", spec, "--db", database.Db);
        Assert.True(exit == 0, $"search create failed ({exit}): {error}");
        var id = long.Parse(output.Trim());

        await using (CliProcess.Start(env, "worker", "--devices", "cpu:2", "--db", database.Db))
        {
            await database.WaitUntilAsync(id, s => s.State.IsFinal(), "the BOHB search ends", 900);
        }

        var search = await database.Store.GetSearchAsync(id);
        Assert.Equal(SearchState.Completed, search!.Summary.State);
        Assert.Equal(9, search.Spec.Pruner.MaxResource);
        var trials = (await database.Store.GetTrialsAsync(new TrialQuery { SearchId = id, Take = 100, Sort = TrialSort.Number })).Items;
        Assert.Equal(14, trials.Count);
        var hyperband = new HyperbandPruner(3, 1, 9);
        foreach (var trial in trials)
        {
            var rungs = hyperband.RungsOf(hyperband.BracketOf(trial.Number));
            switch (trial.State)
            {
                case TrialState.Pruned:
                    Assert.True(rungs.Contains(trial.EpochsDone) && trial.EpochsDone < 9,
                        $"trial {trial.Number} was stopped after {trial.EpochsDone} epochs; its bracket's rungs are {string.Join(", ", rungs)}");
                    break;
                case TrialState.Completed:
                    Assert.Equal(9, trial.EpochsDone);
                    break;
                default:
                    Assert.Fail($"trial {trial.Number} ended {trial.State}: {trial.Error}");
                    break;
            }
            Assert.Equal(trial.EpochsDone, (await database.Store.GetEpochsAsync(trial.Id)).Count);
        }
        // Hyperband saved epochs: the bottom of the first rungs stopped early, and some trial still
        // got the full budget.
        Assert.Contains(trials, t => t.State == TrialState.Pruned);
        Assert.Contains(trials, t => t.State == TrialState.Completed);
        Assert.True(trials.Sum(t => t.EpochsDone) < 14 * 9);
    }
}

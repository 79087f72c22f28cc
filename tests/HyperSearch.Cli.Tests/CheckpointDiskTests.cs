using HyperSearch.Cli.Tests.Disks;
using HyperSearch.Cli.Tests.Queue;
using HyperSearch.Core.Searches;
using HyperSearch.Core.Trials;

namespace HyperSearch.Cli.Tests;

/// <summary>
/// A search whose checkpoint disk is full or read-only (a real tmpfs, filled or remounted read-only) under
/// a real worker training real TorchSharp trials: every trial fails at its first checkpoint, each with a
/// message naming its own temporary file. The guard compares the failures' kinds, so the search pauses
/// after 3 and says why, instead of failing all 8 and ending "Completed"; no partial file is left.
/// </summary>
public sealed class CheckpointDiskTests
{
    [MountFact]
    public async Task Search_CheckpointDiskFull_PausesAfterThreeFailuresSayingDiskFullAndLeavesNoTemporaryFile()
    {
        await using var disk = await SmallDisk.MountAsync();
        Directory.CreateDirectory(Path.Combine(disk.Path, "checkpoints"));
        disk.Fill();

        var (summary, trials) = await RunSearchAsync(Path.Combine(disk.Path, "checkpoints"));

        Assert.Equal(SearchState.Paused, summary.State);
        Assert.StartsWith("paused itself: its last 3 trials failed alike (disk full), so the next would too — IOException: No space left on device", summary.Error);
        Assert.InRange(summary.Counts.Failed, 3, 4); // 3, and the one that ran beside the third
        Assert.Equal(0, summary.Counts.Completed);
        Assert.All(trials.Where(t => t.State == TrialState.Failed), t => Assert.Contains("No space left on device", t.Error));
        Assert.Empty(Directory.EnumerateFiles(disk.Path, "*.tmp", SearchOption.AllDirectories));
    }

    [MountFact]
    public async Task Search_CheckpointDiskReadOnly_PausesAfterThreeFailuresSayingSo()
    {
        await using var disk = await SmallDisk.MountAsync();
        Directory.CreateDirectory(Path.Combine(disk.Path, "checkpoints"));
        await disk.MakeReadOnlyAsync();

        var (summary, _) = await RunSearchAsync(Path.Combine(disk.Path, "checkpoints"));

        Assert.Equal(SearchState.Paused, summary.State);
        Assert.StartsWith("paused itself: its last 3 trials failed alike (disk read-only or not writable), so the next would too", summary.Error);
        Assert.Equal(0, summary.Counts.Completed);
    }

    private static async Task<(SearchSummary Summary, IReadOnlyList<TrialRow> Trials)> RunSearchAsync(string checkpoints)
    {
        await using var database = await QueueDatabase.CreateAsync(postgres: false);
        var env = new Dictionary<string, string>
        {
            ["HyperSearch__Worker__PollMilliseconds"] = "50",
            ["HyperSearch__Checkpoints__Directory"] = checkpoints,
            ["HyperSearch__Checkpoints__EveryEpochs"] = "1",
            ["Logging__LogLevel__Default"] = "Warning",
        };
        var spec = Path.Combine(Directory.CreateTempSubdirectory("hs-spec-").FullName, "spec.json");
        await File.WriteAllTextAsync(spec, """
            { "name": "disk", "workload": "two-spirals", "strategy": "random", "seed": 11, "budget": 8, "parallelism": 2, "epochs": 5,
              "space": { "initialLr": { "low": 0.001, "high": 0.05 }, "decay": { "constant": {} } } }
            """);
        var (exit, output, error) = await CliProcess.RunAsync(env, TimeSpan.FromSeconds(120), "search", "create", "--spec", spec, "--db", database.Db);
        Assert.True(exit == 0, error);
        var id = long.Parse(output.Trim());

        await using (var worker = CliProcess.Start(env, "worker", "--devices", "cpu:2", "--db", database.Db))
            await database.WaitUntilAsync(id, s => (s.State == SearchState.Paused && s.Counts.Running == 0) || s.State.IsFinal(), "the search pauses or ends", 600);

        var summary = (await database.Store.GetSearchAsync(id))!.Summary;
        var trials = (await database.Store.GetTrialsAsync(new TrialQuery { SearchId = id, Take = 100 })).Items;
        return (summary, trials);
    }
}

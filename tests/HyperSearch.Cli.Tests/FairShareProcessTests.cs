using Xunit.Abstractions;
using HyperSearch.Cli.Tests.Queue;
using HyperSearch.Core.FairShare;
using HyperSearch.Core.Searches;

namespace HyperSearch.Cli.Tests;

/// <summary>
/// Fair shares of the devices with real worker processes (<c>dotnet hypersearch.dll worker</c>) on one
/// database: teams' weights and caps set with <c>hypersearch team quota</c>, both teams with far more
/// work than slots, the running slots sampled through the Queue page's data while the workers run.
/// </summary>
public sealed class FairShareProcessTests(ITestOutputHelper output)
{
    [Fact]
    public Task Workers_TwoTeamsWeights2To1OnSixSlotsOnSqlite_FourAndTwoBusyAtSteadyState() => WeightsAsync(postgres: false);

    [PostgresFact]
    public Task Workers_TwoTeamsWeights2To1OnSixSlotsOnPostgres_FourAndTwoBusyAtSteadyState() => WeightsAsync(postgres: true);

    [Fact]
    public Task Workers_TeamCappedAtOneCpuSlotOnSqlite_NeverMoreThanOneRunning() => CapAsync(postgres: false);

    [PostgresFact]
    public Task Workers_TeamCappedAtOneCpuSlotOnPostgres_NeverMoreThanOneRunning() => CapAsync(postgres: true);

    private async Task WeightsAsync(bool postgres)
    {
        await using var database = await QueueDatabase.CreateAsync(postgres);
        var vision = await TeamAsync(database, "vision", "--weight", "2");
        var nlp = await TeamAsync(database, "nlp", "--weight", "1");
        await SearchAsync(database, vision);
        await SearchAsync(database, nlp);

        var samples = await SampleAsync(database, workers: 3, samples: 30);

        // Every start is decided under the database's lock on what the others committed, so whenever all
        // six slots are busy the split is exact, and in the gaps between a finish and the next start
        // neither team is ever above its share.
        var full = samples.Where(s => s.Busy == 6).ToList();
        Assert.True(full.Count >= 5, $"only {full.Count} of {samples.Count} samples had every slot busy");
        Assert.All(full, s => Assert.Equal((4, 2), (s.Running["vision"], s.Running["nlp"])));
        Assert.All(full, s => Assert.Equal((4.0, 2.0), (s.Allowed["vision"], s.Allowed["nlp"])));
        Assert.All(samples, s => Assert.True(s.Running["vision"] <= 4 && s.Running["nlp"] <= 2, $"over its share: {s}"));
    }

    private async Task CapAsync(bool postgres)
    {
        await using var database = await QueueDatabase.CreateAsync(postgres);
        var capped = await TeamAsync(database, "capped", "--cpu", "1");
        var other = await TeamAsync(database, "other", "--weight", "1");
        // The capped team launched first and weighs as much: without the cap it would hold half the slots.
        await SearchAsync(database, capped);
        await SearchAsync(database, other);

        var samples = await SampleAsync(database, workers: 2, samples: 20);

        Assert.All(samples, s => Assert.True(s.Running["capped"] <= 1, $"capped team above its cap: {s}"));
        Assert.Contains(samples, s => s.Busy == 4 && s.Running["capped"] == 1 && s.Running["other"] == 3);
    }

    private sealed record Sample(int Busy, IReadOnlyDictionary<string, int> Running, IReadOnlyDictionary<string, double> Allowed)
    {
        public override string ToString() => $"busy {Busy}: {string.Join(", ", Running.Select(r => $"{r.Key} {r.Value}"))}";
    }

    /// <summary>Starts the workers (cpu:2 each), waits until every slot is busy, then reads the queue's team shares every 0.5 s.</summary>
    private async Task<List<Sample>> SampleAsync(QueueDatabase database, int workers, int samples)
    {
        // Long trials (8 epochs × 0.4 s): slots change a few times a second in all, so most samples see
        // every slot busy; a 10 s lease so that a heartbeat starved on a loaded machine re-queues nothing.
        var env = new Dictionary<string, string>(CliProcess.FastQueue(epochMs: 400))
        {
            ["HyperSearch__Worker__LeaseSeconds"] = "10",
            ["HyperSearch__Worker__HeartbeatSeconds"] = "0.5",
        };
        var processes = Enumerable.Range(0, workers).Select(_ => CliProcess.Start(env, "worker", "--devices", "cpu:2", "--db", database.Db)).ToList();
        try
        {
            var slots = workers * 2;
            // Generous: on a machine shared with other test runs a worker process can take a minute to start.
            var deadline = DateTime.UtcNow.AddSeconds(180);
            while ((await ReadAsync(database)).Busy < slots)
            {
                Assert.True(DateTime.UtcNow < deadline, $"the workers never filled their {slots} slots: {string.Join(" | ", processes.Select(p => p.Error))}");
                await Task.Delay(200);
            }
            var result = new List<Sample>();
            for (var i = 0; i < samples; i++)
            {
                result.Add(await ReadAsync(database));
                await Task.Delay(500);
            }
            output.WriteLine(string.Join(Environment.NewLine, result.GroupBy(s => s.ToString()).Select(g => $"{g.Count(),3} × {g.Key}")));
            return result;
        }
        finally
        {
            foreach (var process in processes) await process.DisposeAsync();
        }
    }

    private static async Task<Sample> ReadAsync(QueueDatabase database)
    {
        var teams = (await database.Store.GetQueueAsync()).Teams;
        DeviceShareView Cpu(TeamShareView t) => t.Devices.Single(d => d.Kind == DeviceKind.Cpu);
        return new Sample(teams.Sum(t => Cpu(t).Running), teams.ToDictionary(t => t.Team, t => Cpu(t).Running), teams.ToDictionary(t => t.Team, t => Cpu(t).Allowed));
    }

    /// <summary><c>hypersearch team add</c> then <c>team quota</c>, as an admin would; the team's id.</summary>
    private static async Task<long> TeamAsync(QueueDatabase database, string name, params string[] quota)
    {
        var add = await CliRunner.RunAsync("team", "add", name, "--db", database.Db);
        Assert.True(add.Exit == 0, add.Error);
        var set = await CliRunner.RunAsync(["team", "quota", name, .. quota, "--db", database.Db]);
        Assert.True(set.Exit == 0, set.Error);
        return long.Parse(add.Output.Trim().Split(' ')[^1]);
    }

    /// <summary>Far more work than slots: 500 trials, up to 6 at once.</summary>
    private static Task<long> SearchAsync(QueueDatabase database, long teamId) =>
        database.Store.CreateSearchAsync(new SearchSpec
        {
            Name = $"team-{teamId}", TeamId = teamId, Workload = "sleep", Strategy = Core.Sampling.SearchStrategy.Random, Seed = 11,
            SpaceJson = """{ "initialLr": { "low": 0.0001, "high": 0.1 }, "decay": { "constant": {} } }""",
            Budget = 500, Parallelism = 6, Epochs = 8,
        });
}

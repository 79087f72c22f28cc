using System.CommandLine;
using System.Text.Json;
using HyperSearch.Cli.Tests.Queue;

namespace HyperSearch.Cli.Tests;

/// <summary><c>hypersearch search …</c>: spec refusals in-process; the full create → wait → show → export path as real processes.</summary>
public sealed class SearchCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("hs-search-").FullName;

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    private string Write(string name, string content)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, content);
        return path;
    }

    private static async Task<(int Exit, string Out, string Err)> Invoke(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await HyperSearchCommand.Create().Parse(args).InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
        return (exit, output.ToString(), error.ToString());
    }

    [Theory]
    [InlineData("""{ "name": "x", "workload": "fashion-mlp", "budget": "ten", "epochs": 1, "space": { "initialLr": { "low": 0.001, "high": 0.1 } } }""", "budget: must be a whole number, not the string \"ten\"")]
    [InlineData("""{ "name": "x", "workload": "no-such-workload", "budget": 3, "epochs": 1, "space": { "initialLr": { "low": 0.001, "high": 0.1 } } }""", "workload: unknown workload 'no-such-workload'")]
    [InlineData("""{ "name": "x", "workload": "fashion-mlp", "budget": 0, "epochs": 1, "space": { "initialLr": { "low": 0.001, "high": 0.1 } } }""", "budget: must be ≥ 1")]
    [InlineData("""{ "name": "x", "workload": "fashion-mlp", "budget": 2, "parallelism": 3, "epochs": 1, "space": { "initialLr": { "low": 0.001, "high": 0.1 } } }""", "parallelism: must be ≤ budget (2)")]
    [InlineData("""{ "name": "x", "workload": "fashion-mlp", "budget": 2, "epochs": 1, "space": { "initialLr": { "low": "NaN", "high": 0.1 } } }""", "space.initialLr.low: must be a finite number")]
    [InlineData("""{ "name": "x", "workload": "fashion-mlp", "budget": 2, "epochs": 1, "strategy": "annealing", "space": { "initialLr": { "low": 0.001, "high": 0.1 } } }""", "strategy: must be one of grid, random, tpe")]
    [InlineData("""{ "name": "x", "workload": "fashion-mlp", "budget": 2, "epochs": 1 """, "$: not valid JSON")]
    public async Task Create_BadSpec_Exit2FieldLevelMessageNothingWritten(string spec, string expected)
    {
        var db = Path.Combine(_dir, "never.db");

        var (exit, output, error) = await Invoke("search", "create", "--spec", Write("bad.json", spec), "--db", db);

        Assert.Equal(2, exit);
        Assert.Equal("", output);
        Assert.Contains(expected, error);
        Assert.False(File.Exists(db), "a refused spec must not touch the database");
    }

    [Fact]
    public async Task Create_MissingSpecFile_Exit2NamingTheOption()
    {
        var (exit, _, error) = await Invoke("search", "create", "--spec", Path.Combine(_dir, "nope.json"), "--db", Path.Combine(_dir, "x.db"));

        Assert.Equal(2, exit);
        Assert.Contains("--spec: no such file", error);
    }

    [Fact]
    public async Task Show_UnknownId_Exit2()
    {
        var (exit, _, error) = await Invoke("search", "show", "42", "--db", Path.Combine(_dir, "empty.db"));

        Assert.Equal(2, exit);
        Assert.Contains("no search 42", error);
    }

    [Fact]
    public async Task Export_UnknownFormat_Exit2()
    {
        var (exit, _, error) = await CliProcess.RunAsync(CliProcess.FastQueue(5), TimeSpan.FromSeconds(30),
            "search", "export", "1", "--format", "xml", "--db", Path.Combine(_dir, "empty.db"));

        Assert.Equal(2, exit);
        Assert.Contains("xml", error);
    }

    // The done-when path with the fast fake trainer: create --wait with no worker running runs an
    // embedded one; then list, show --json, export csv/json, and cancel of a finished search.
    [Fact]
    public async Task CreateWait_NoWorkerRunning_EmbeddedWorkerCompletesAndExportIsRanked()
    {
        var env = CliProcess.FastQueue(epochMs: 5).Where(kv => kv.Key != "HyperSearch__Worker__Sampler").ToDictionary();
        var db = Path.Combine(_dir, "run.db");
        var spec = Write("tpe.json", """
            { "name": "cli tpe", "owner": "team-a", "workload": "sleep", "strategy": "tpe", "seed": 5,
              "budget": 8, "parallelism": 2, "epochs": 3,
              "space": { "initialLr": { "low": 0.0001, "high": 0.5 },
                         "decay": { "cosine": { "tMax": 3 }, "constant": {} } } }
            """);
        var timeout = TimeSpan.FromSeconds(90);

        var create = await CliProcess.RunAsync(env, timeout, "search", "create", "--spec", spec, "--wait", "--db", db);
        var id = create.Output.Split('\n')[0].Trim();
        var list = await CliProcess.RunAsync(env, timeout, "search", "list", "--db", db);
        var show = await CliProcess.RunAsync(env, timeout, "search", "show", id, "--json", "--db", db);
        var csv = await CliProcess.RunAsync(env, timeout, "search", "export", id, "--format", "csv", "--db", db);
        var cancel = await CliProcess.RunAsync(env, timeout, "search", "cancel", id, "--db", db);

        Assert.True(create.Exit == 0, create.Error);
        Assert.Contains("no worker is running: starting one in this process", create.Error);
        Assert.Contains("[##############################] 8/8 trials", create.Error);
        Assert.Contains("completed", create.Output);
        Assert.Contains("cli tpe", list.Output);
        using var json = JsonDocument.Parse(show.Output);
        var trials = json.RootElement.GetProperty("trials").EnumerateArray().ToList();
        Assert.Equal(8, trials.Count);
        var best = trials.Select(t => t.GetProperty("bestValue").GetDouble()).ToList();
        Assert.Equal(best.Order(), best);
        Assert.Equal("completed", json.RootElement.GetProperty("search").GetProperty("state").GetString());
        Assert.True(json.RootElement.GetProperty("search").TryGetProperty("testLoss", out _));
        var rows = csv.Output.TrimEnd().Split('\n');
        Assert.Equal(9, rows.Length);
        Assert.StartsWith("rank,trialId,number,state,initialLr,decayType", rows[0]);
        Assert.StartsWith("1,", rows[1]);
        Assert.Equal(2, cancel.Exit);
    }
}

using System.Text.Json;
using HyperSearch.Cli.Tests.Queue;

namespace HyperSearch.Cli.Tests;

/// <summary>
/// Command workloads on the command line: <c>hypersearch workloads</c>, <c>trial run</c> of a program, and
/// the start-up check of their settings, with the real binary and its settings from environment variables
/// (as an operator would set them).
/// </summary>
public sealed class CommandWorkloadCliTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("hs-cmd-cli-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static readonly TimeSpan CliTimeout = TimeSpan.FromSeconds(300);

    private static Dictionary<string, string> WithCommand(params (string Key, string Value)[] settings)
    {
        var env = new Dictionary<string, string> { ["Logging__LogLevel__Default"] = "Warning" };
        foreach (var (key, value) in settings) env[$"HyperSearch__Workloads__Commands__0__{key}"] = value;
        return env;
    }

    [Fact]
    public async Task Workloads_WithACommandWorkload_ListsItNextToTheBuiltIns()
    {
        var env = WithCommand(("Name", "pytorch-simple"), ("Executable", "/usr/bin/python3"), ("Arguments__0", "train.py"), ("Arguments__1", "--fast"));

        var (exit, output, error) = await CliProcess.RunAsync(env, CliTimeout, "workloads");

        Assert.True(exit == 0, error);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains(lines, l => l.StartsWith("fashion-mlp ", StringComparison.Ordinal) && l.Contains(" C# "));
        var command = Array.FindIndex(lines, l => l.StartsWith("pytorch-simple ", StringComparison.Ordinal));
        Assert.Contains(" command  your own program: train.py", lines[command]);
        Assert.EndsWith("runs: /usr/bin/python3 train.py --fast", lines[command + 1]);
    }

    [Fact]
    public async Task Workloads_Json_IsTheApisDocument()
    {
        var env = WithCommand(("Name", "mine"), ("Description", "my model"), ("Executable", "./train.sh"));

        var (exit, output, error) = await CliProcess.RunAsync(env, CliTimeout, "workloads", "--json");

        Assert.True(exit == 0, error);
        using var document = JsonDocument.Parse(output);
        var workloads = document.RootElement.GetProperty("workloads").EnumerateArray().ToList();
        Assert.Equal(7, workloads.Count);
        var mine = workloads.Single(w => w.GetProperty("name").GetString() == "mine");
        Assert.Equal(("command", "my model", "./train.sh"), (mine.GetProperty("kind").GetString(), mine.GetProperty("description").GetString(), mine.GetProperty("command").GetString()));
        var mlp = workloads.Single(w => w.GetProperty("name").GetString() == "fashion-mlp");
        Assert.Equal("torchSharp", mlp.GetProperty("kind").GetString());
        Assert.False(mlp.TryGetProperty("command", out _));
        Assert.Empty(document.RootElement.GetProperty("pluginErrors").EnumerateArray());
    }

    [Fact]
    public async Task Workloads_BadCommandSetting_ExitCode2NamingTheKey()
    {
        var env = WithCommand(("Name", "mine"), ("EpochTimeoutSeconds", "soon"));

        var (exit, _, error) = await CliProcess.RunAsync(env, CliTimeout, "workloads");

        Assert.Equal(2, exit);
        Assert.Equal(
            "error: HyperSearch:Workloads:Commands:0:Executable: is required (a path, or a program on PATH such as /usr/bin/python3)\n"
            + "error: HyperSearch:Workloads:Commands:0:EpochTimeoutSeconds: must be a number > 0; got 'soon'\n", error);
    }

    [Fact]
    public async Task Worker_BadCommandSetting_RefusesToStartNamingTheKey()
    {
        await using var database = await QueueDatabase.CreateAsync(postgres: false);
        var env = WithCommand(("Name", "fashion-mlp"), ("Executable", "/usr/bin/python3"));

        var (exit, _, error) = await CliProcess.RunAsync(env, CliTimeout, "worker", "--devices", "cpu:1", "--db", database.Db);

        Assert.Equal(2, exit);
        Assert.Equal("HyperSearch:Workloads:Commands:0:Name: 'fashion-mlp' is already a workload\n", error);
    }

    [Fact]
    public async Task TrialRun_CommandWorkload_RunsTheProgramAndPrintsItsEpochsAndOutcome()
    {
        var script = Path.Combine(_dir, "train.sh");
        await File.WriteAllTextAsync(script, """
            for ((e=1; e<=HYPERSEARCH_EPOCHS; e++)); do
              echo "{\"epoch\": $e, \"trainLoss\": 1, \"valLoss\": 0.5, \"valAccuracy\": 0.25}"
              read -r answer lr
            done
            """);
        var config = Path.Combine(_dir, "trial.json");
        await File.WriteAllTextAsync(config, """{ "initialLr": 0.1, "decay": { "type": "step", "stepSize": 1, "gamma": 0.5 } }""");
        var env = WithCommand(("Name", "mine"), ("Executable", "/bin/bash"), ("Arguments__0", script));

        var (exit, output, error) = await CliProcess.RunAsync(env, CliTimeout, "trial", "run", "--workload", "mine", "--config", config, "--epochs", "2", "--json");

        Assert.True(exit == 0, error);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal([(1, 0.1), (2, 0.05)], lines.Take(2).Select(l => (l.GetProperty("epoch").GetInt32(), l.GetProperty("lr").GetDouble())));
        Assert.Equal(("completed", 2), (lines[2].GetProperty("state").GetString(), lines[2].GetProperty("epochsRun").GetInt32()));
    }

    [Fact]
    public async Task TrialRun_CommandWorkloadsProgramFails_ExitCode1WithItsStderr()
    {
        var config = Path.Combine(_dir, "trial.json");
        await File.WriteAllTextAsync(config, """{ "initialLr": 0.1, "decay": { "type": "constant" } }""");
        var env = WithCommand(("Name", "mine"), ("Executable", "/bin/sh"), ("Arguments__0", "-c"), ("Arguments__1", "echo 'no GPU here' >&2; exit 4"));

        var (exit, _, error) = await CliProcess.RunAsync(env, CliTimeout, "trial", "run", "--workload", "mine", "--config", config, "--epochs", "2");

        Assert.Equal(1, exit);
        Assert.Equal("error: training failed: workload 'mine': the program exited with code 4 before its first epoch line; its last stderr lines:\nno GPU here\n", error);
    }
}

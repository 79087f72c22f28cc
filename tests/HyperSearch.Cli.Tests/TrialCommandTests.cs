using System.Text.Json;

namespace HyperSearch.Cli.Tests;

public sealed class TrialCommandTests
{
    private const string Config = """{ "initialLr": 0.05, "decay": { "type": "constant" } }""";

    [Fact]
    public async Task TrialRun_Json_OneLinePerEpochThenOutcome()
    {
        var config = CliRunner.TempFile(Config);

        var (exit, output, error) = await CliRunner.RunAsync(
            "trial", "run", "--workload", "synthetic-regression", "--config", config, "--epochs", "3", "--threads", "1", "--json");

        Assert.True(exit == 0, error);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(4, lines.Count);
        Assert.Equal([1, 2, 3], lines.Take(3).Select(l => l.GetProperty("epoch").GetInt32()));
        Assert.Equal(0.05, lines[0].GetProperty("lr").GetDouble());
        Assert.True(lines[2].GetProperty("valLoss").GetDouble() < 0.05);
        Assert.Equal("completed", lines[3].GetProperty("state").GetString());
    }

    [Fact]
    public async Task TrialRun_FashionMlpTwoEpochs_ReachesEightyPercentValidationAccuracy()
    {
        // The acceptance run, on the real Fashion-MNIST files and the default 12k/3k split.
        var config = CliRunner.TempFile("""
            { "initialLr": 0.05, "decay": { "type": "cosine", "tMax": 2 },
              "optimizer": { "type": "sgd", "momentum": 0.9 }, "batchSize": 64 }
            """);

        var (exit, output, error) = await CliRunner.RunAsync(
            "trial", "run", "--workload", "fashion-mlp", "--config", config, "--epochs", "2", "--threads", "2", "--json");

        Assert.True(exit == 0, error);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal("completed", lines[^1].GetProperty("state").GetString());
        var accuracy = lines[^2].GetProperty("valAccuracy").GetDouble();
        Assert.True(accuracy >= 0.80, $"validation accuracy {accuracy}");
    }

    [Fact]
    public async Task TrialRun_Human_ShowsProgressAndOutcome()
    {
        var config = CliRunner.TempFile(Config);

        var (exit, output, _) = await CliRunner.RunAsync(
            "trial", "run", "--workload", "synthetic-regression", "--config", config, "--epochs", "2", "--threads", "1", "--test");

        Assert.Equal(0, exit);
        Assert.Contains("epoch 2/2", output);
        Assert.Contains("completed after 2 epoch(s)  test loss", output);
    }

    [Fact]
    public async Task TrialRun_HugeLr_ReportsDivergedAsResult()
    {
        var config = CliRunner.TempFile("""{ "initialLr": 1e6, "decay": { "type": "constant" } }""");

        var (exit, output, _) = await CliRunner.RunAsync(
            "trial", "run", "--workload", "synthetic-regression", "--config", config, "--epochs", "3", "--threads", "1", "--json");

        Assert.Equal(0, exit);
        Assert.Contains("\"state\":\"diverged\"", output);
    }

    [Theory]
    [InlineData("config", "--workload", "synthetic-regression", "--config", "/nonexistent/trial.json")]
    [InlineData("epochs", "--workload", "synthetic-regression", "--config", "{CONFIG}", "--epochs", "many")]
    [InlineData("epochs", "--workload", "synthetic-regression", "--config", "{CONFIG}", "--epochs", "0")]
    [InlineData("workload", "--workload", "imagenet", "--config", "{CONFIG}")]
    [InlineData("device", "--workload", "synthetic-regression", "--config", "{CONFIG}", "--device", "cuda:9")]
    [InlineData("schedule-unit", "--workload", "synthetic-regression", "--config", "{CONFIG}", "--schedule-unit", "week")]
    [InlineData("workload", "--config", "{CONFIG}")]
    [InlineData("threads", "--workload", "synthetic-regression", "--config", "{CONFIG}", "--threads", "100000")]
    [InlineData("seed", "--workload", "synthetic-regression", "--config", "{CONFIG}", "--seed", "1.5")]
    public async Task TrialRun_InvalidInput_Exit2NamingField(string field, params string[] options)
    {
        var config = CliRunner.TempFile(Config);
        var args = new[] { "trial", "run" }.Concat(options.Select(o => o.Replace("{CONFIG}", config))).ToArray();

        var (exit, output, error) = await CliRunner.RunAsync(args);

        Assert.Equal(2, exit);
        Assert.Contains($"error: {field}: ", error);
        Assert.DoesNotContain("   at ", error);
        Assert.Empty(output);
    }

    [Fact]
    public async Task TrialRun_InvalidScheduleParameter_Exit2NamingConfigPath()
    {
        var config = CliRunner.TempFile("""{ "initialLr": 0.1, "decay": { "type": "cosine", "tMax": 0 } }""");

        var (exit, _, error) = await CliRunner.RunAsync(
            "trial", "run", "--workload", "synthetic-regression", "--config", config);

        Assert.Equal(2, exit);
        Assert.Contains("error: config.decay.tMax: ", error);
    }

    [Theory]
    [InlineData("""{ "initialLr": 0.1, "decay": { "tMax": 3 } }""", "a decay needs a \"type\"")]
    [InlineData("""{ "initialLr": "fast", "decay": { "type": "constant" } }""", "$.initialLr")]
    [InlineData("null", "holds null")]
    [InlineData("", "is not a valid trial config")]
    public async Task TrialRun_UnreadableConfigJson_Exit2NamingConfigWithoutStackTrace(string json, string reason)
    {
        var config = CliRunner.TempFile(json);

        var (exit, output, error) = await CliRunner.RunAsync(
            "trial", "run", "--workload", "synthetic-regression", "--config", config);

        Assert.Equal(2, exit);
        Assert.Empty(output);
        Assert.StartsWith($"error: config: '{config}' ", error);
        Assert.Contains(reason, error);
        Assert.DoesNotContain("   at ", error);
    }

    [Fact]
    public async Task TrialRun_ConfigIsDirectory_Exit2SaysDirectory()
    {
        var directory = Path.GetTempPath().TrimEnd('/');

        var (exit, _, error) = await CliRunner.RunAsync(
            "trial", "run", "--workload", "synthetic-regression", "--config", directory);

        Assert.Equal(2, exit);
        Assert.Equal($"error: config: '{directory}' is a directory, expected a trial config JSON file", error.Trim());
    }

    [Fact]
    public async Task TrialRun_EpochsBeyondInt_Exit2SaysOutOfRange()
    {
        var config = CliRunner.TempFile(Config);

        var (exit, _, error) = await CliRunner.RunAsync(
            "trial", "run", "--workload", "synthetic-regression", "--config", config, "--epochs", "99999999999");

        Assert.Equal(2, exit);
        Assert.Equal("error: epochs: '99999999999' is out of range (-2147483648…2147483647)", error.Trim());
    }

    [Fact]
    public async Task TrialRun_MalformedConfig_Exit2NamingConfig()
    {
        var config = CliRunner.TempFile("""{ "initialLr": 0.1 }""");

        var (exit, _, error) = await CliRunner.RunAsync(
            "trial", "run", "--workload", "synthetic-regression", "--config", config);

        Assert.Equal(2, exit);
        Assert.Contains("error: config: ", error);
        Assert.Contains("decay", error);
    }
}

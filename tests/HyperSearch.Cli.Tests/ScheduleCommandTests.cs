using System.Text.Json;

namespace HyperSearch.Cli.Tests;

/// <summary>`hypersearch schedule` run in-process through the real root command.</summary>
public sealed class ScheduleCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("hs-schedule-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string WriteFile(string name, string content)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, content);
        return path;
    }

    [Fact]
    public async Task Schedule_StepDecay_PrintsJsonArrayOfLrs()
    {
        var config = WriteFile("c.json", """{ "initialLr": 1, "decay": { "type": "step", "stepSize": 2, "gamma": 0.5 } }""");

        var (exit, output, error) = await CliRunner.RunAsync("schedule", "--config", config, "--steps", "5");

        Assert.Equal(0, exit);
        Assert.Equal("", error);
        Assert.Equal([1, 1, 0.5, 0.5, 0.25], JsonSerializer.Deserialize<double[]>(output)!);
    }

    [Fact]
    public async Task Schedule_WarmupCosine_PrintsFullPrecision()
    {
        var config = WriteFile("c.json", """
            { "initialLr": 0.05, "decay": { "type": "cosine", "tMax": 30, "etaMin": 0.0 },
              "warmup": { "steps": 3, "startFactor": 0.1 } }
            """);

        var (exit, output, _) = await CliRunner.RunAsync("schedule", "--config", config, "--steps", "40");

        var lrs = JsonSerializer.Deserialize<double[]>(output)!;
        Assert.Equal(0, exit);
        Assert.Equal(40, lrs.Length);
        Assert.Equal(0.005000000000000001, lrs[0]); // 0.05 * 0.1 in binary64, printed round-trip
        Assert.Equal(0.05, lrs[3]);
    }

    [Fact]
    public async Task Schedule_PlateauWithMetrics_ReducesAfterPatience()
    {
        var config = WriteFile("c.json", """{ "initialLr": 0.1, "decay": { "type": "reduceOnPlateau", "factor": 0.5, "patience": 1 } }""");
        var metrics = WriteFile("m.json", "[1.0, 1.0, 1.0, 1.0]");

        var (exit, output, _) = await CliRunner.RunAsync("schedule", "--config", config, "--steps", "5", "--metrics", metrics);

        Assert.Equal(0, exit);
        Assert.Equal([0.1, 0.1, 0.1, 0.05, 0.05], JsonSerializer.Deserialize<double[]>(output)!);
    }

    [Fact]
    public async Task Schedule_PlateauWithoutMetrics_Exit2NamingMetrics()
    {
        var config = WriteFile("c.json", """{ "initialLr": 0.1, "decay": { "type": "reduceOnPlateau" } }""");

        var (exit, output, error) = await CliRunner.RunAsync("schedule", "--config", config, "--steps", "5");

        Assert.Equal(2, exit);
        Assert.Equal("", output);
        Assert.StartsWith("--metrics: ", error);
        Assert.Contains("at least 4 values, got 0", error);
    }

    [Fact]
    public async Task Schedule_InvalidField_Exit2WithFieldPath()
    {
        var config = WriteFile("c.json", """{ "initialLr": 0.1, "decay": { "type": "cosine", "tMax": 0 } }""");

        var (exit, output, error) = await CliRunner.RunAsync("schedule", "--config", config, "--steps", "5");

        Assert.Equal(2, exit);
        Assert.Equal("", output);
        Assert.Equal("decay.tMax: must be ≥ 1; got 0", error.Trim());
    }

    [Fact]
    public async Task Schedule_MissingFile_Exit2WithClearMessage()
    {
        var (exit, _, error) = await CliRunner.RunAsync("schedule", "--config", Path.Combine(_dir, "nope.json"), "--steps", "5");

        Assert.Equal(2, exit);
        Assert.StartsWith("--config: file '", error);
        Assert.Contains("not found", error);
        Assert.DoesNotContain("   at ", error);
    }

    [Theory]
    [InlineData("--config")]
    [InlineData("--metrics")]
    public async Task Schedule_DirectoryInsteadOfFile_Exit2NamingOption(string option)
    {
        var config = WriteFile("c.json", """{ "initialLr": 0.1, "decay": { "type": "reduceOnPlateau" } }""");
        var metrics = WriteFile("m.json", "[1, 2]");
        string[] args = ["schedule", "--config", option == "--config" ? _dir : config, "--steps", "3", "--metrics", option == "--metrics" ? _dir : metrics];

        var (exit, output, error) = await CliRunner.RunAsync(args);

        Assert.Equal(2, exit);
        Assert.Equal("", output);
        Assert.StartsWith($"{option}: '{_dir}' is a directory, expected a", error);
    }

    [Theory]
    [InlineData("{ not json")]
    [InlineData("""{ "initialLr": 0.1, "decay": { "type": "banana" } }""")]
    [InlineData("""{ "initialLr": 0.1, "decay": { "tMax": 3 } }""")]
    [InlineData("""{ "initialLr": 0.1, "decay": { "type": "cosine" } }""")]
    [InlineData("null")]
    public async Task Schedule_MalformedConfig_Exit2WithoutStackTrace(string json)
    {
        var config = WriteFile("c.json", json);

        var (exit, output, error) = await CliRunner.RunAsync("schedule", "--config", config, "--steps", "5");

        Assert.Equal(2, exit);
        Assert.Equal("", output);
        Assert.StartsWith($"--config: '{config}' ", error);
        Assert.DoesNotContain("   at ", error);
    }

    [Fact]
    public async Task Schedule_MissingRequiredTMax_MessageNamesTheProperty()
    {
        var config = WriteFile("c.json", """{ "initialLr": 0.1, "decay": { "type": "cosine" } }""");

        var (_, _, error) = await CliRunner.RunAsync("schedule", "--config", config, "--steps", "5");

        Assert.Contains("tMax", error);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-3")]
    public async Task Schedule_NonPositiveSteps_Exit2(string steps)
    {
        var config = WriteFile("c.json", """{ "initialLr": 0.1, "decay": { "type": "constant" } }""");

        var (exit, _, error) = await CliRunner.RunAsync("schedule", "--config", config, "--steps", steps);

        Assert.Equal(2, exit);
        Assert.StartsWith("--steps: must be between 1 and", error);
    }

    [Fact]
    public async Task Schedule_BadMetricsFile_Exit2NamingMetrics()
    {
        var config = WriteFile("c.json", """{ "initialLr": 0.1, "decay": { "type": "reduceOnPlateau" } }""");
        var metrics = WriteFile("m.json", """{ "loss": [1, 2] }""");

        var (exit, _, error) = await CliRunner.RunAsync("schedule", "--config", config, "--steps", "3", "--metrics", metrics);

        Assert.Equal(2, exit);
        Assert.StartsWith($"--metrics: '{metrics}' is not a valid JSON array of numbers", error);
    }
}

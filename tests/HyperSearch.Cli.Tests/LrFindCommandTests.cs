using System.CommandLine;
using System.Text.Json;

namespace HyperSearch.Cli.Tests;

public sealed class LrFindCommandTests
{
    [Fact]
    public async Task LrFind_Json_CurveAndSuggestion()
    {
        // Batches of 128: at batch 32 the loss noise of this small quadratic alone makes steep slopes at tiny LRs.
        var (exit, output, error) = await CliRunner.RunAsync(
            "lr-find", "--workload", "synthetic-regression", "--min", "1e-5", "--max", "100", "--steps", "120", "--batch-size", "128", "--threads", "1", "--json");

        Assert.True(exit == 0, error);
        var result = JsonDocument.Parse(output).RootElement;
        Assert.True(result.GetProperty("points").GetArrayLength() > 20);
        var suggested = result.GetProperty("suggestedLr").GetDouble();
        Assert.InRange(suggested, 1e-3, 1);
        Assert.Equal(suggested / 10, result.GetProperty("rangeLow").GetDouble(), 12);
        Assert.True(result.GetProperty("stoppedOnDivergence").GetBoolean());
    }

    [Fact]
    public async Task LrFind_Human_PrintsCurveAndSuggestion()
    {
        var (exit, output, _) = await CliRunner.RunAsync(
            "lr-find", "--workload", "two-spirals", "--min", "1e-4", "--max", "1", "--steps", "60", "--threads", "1");

        Assert.Equal(0, exit);
        Assert.Contains("smoothed loss", output);
        Assert.Matches("suggested lr: .* search range: ", output);
    }

    [Fact]
    public async Task LrFind_Cancelled_Exit130WithoutStackTrace()
    {
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();
        var error = new StringWriter();

        var exit = await HyperSearchCommand.Create()
            .Parse(["lr-find", "--workload", "two-spirals", "--threads", "1"])
            .InvokeAsync(new InvocationConfiguration { Output = new StringWriter(), Error = error }, cts.Token);

        Assert.Equal(130, exit);
        Assert.Equal("LR range test cancelled", error.ToString().Trim());
    }

    [Theory]
    [InlineData("min", "--workload", "two-spirals", "--min", "zero")]
    [InlineData("max", "--workload", "two-spirals", "--min", "1", "--max", "0.1")]
    [InlineData("steps", "--workload", "two-spirals", "--steps", "2")]
    [InlineData("steps", "--workload", "two-spirals", "--steps", "2147483647")]
    [InlineData("min", "--workload", "two-spirals", "--min", "NaN")]
    [InlineData("max", "--workload", "two-spirals", "--max", "Infinity")]
    [InlineData("optimizer.momentum", "--workload", "two-spirals", "--momentum", "NaN")]
    [InlineData("optimizer.momentum", "--workload", "two-spirals", "--momentum", "-1")]
    [InlineData("batch-size", "--workload", "two-spirals", "--batch-size", "0")]
    [InlineData("device", "--workload", "two-spirals", "--device", "cuda:7")]
    [InlineData("threads", "--workload", "two-spirals", "--threads", "0")]
    [InlineData("optimizer", "--workload", "two-spirals", "--optimizer", "lion")]
    [InlineData("workload", "--workload", "cifar")]
    [InlineData("workload")]
    public async Task LrFind_InvalidInput_Exit2NamingField(string field, params string[] options)
    {
        var (exit, output, error) = await CliRunner.RunAsync(["lr-find", .. options]);

        Assert.Equal(2, exit);
        Assert.Contains($"error: {field}: ", error);
        Assert.DoesNotContain("   at ", error);
        Assert.Empty(output);
    }
}

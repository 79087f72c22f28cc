using System.Text.Json.Nodes;
using HyperSearch.Cli.Commands;
using HyperSearch.Core.Sampling;

namespace HyperSearch.Cli.Tests;

public sealed class AskTellCommandTests : IDisposable
{
    private const string SpaceJson = """
        { "initialLr": { "low": 1e-3, "high": 1 },
          "decay": { "step": { "stepSize": { "low": 5, "high": 10 }, "gamma": [0.1, 0.5] }, "constant": {} } }
        """;

    private readonly string dir = Directory.CreateTempSubdirectory("hs-asktell-").FullName;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    private (int Code, List<JsonNode?> Lines, string Error) Run(string input, SearchStrategy strategy = SearchStrategy.Tpe,
        string space = SpaceJson, int gridPoints = 3, int seed = 1)
    {
        var path = Path.Combine(dir, "space.json");
        File.WriteAllText(path, space);
        var output = new StringWriter();
        var error = new StringWriter();
        var code = AskTellCommand.Run(new AskTellOptions(path, strategy, seed, gridPoints, ObjectiveDirection.Minimize),
            new StringReader(input), output, error);
        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)).ToList();
        return (code, lines, error.ToString());
    }

    [Fact]
    public void Run_AskThenTell_AnswersTrialConfigAndOk()
    {
        var (code, lines, _) = Run("""
            {"op":"ask"}
            {"op":"tell","trial":1,"value":0.25}
            {"op":"ask"}
            {"op":"tell","trial":2,"state":"failed"}
            """);

        Assert.Equal(0, code);
        Assert.Equal(4, lines.Count);
        Assert.Equal(1, (int)lines[0]!["trial"]!);
        Assert.NotNull((double?)lines[0]!["config"]!["initialLr"]);
        Assert.Contains((string)lines[0]!["config"]!["decay"]!["type"]!, new[] { "step", "constant" });
        Assert.True((bool)lines[1]!["ok"]!);
        Assert.Equal(2, (int)lines[2]!["trial"]!);
        Assert.True((bool)lines[3]!["ok"]!);
    }

    [Theory]
    [InlineData("not json", "not a JSON object")]
    [InlineData("""{"op":"fly"}""", "unknown op 'fly'")]
    [InlineData("""{"trial":1}""", "missing \"op\"")]
    [InlineData("""{"op":"tell","trial":9,"value":1}""", "trial 9 was never asked")]
    [InlineData("""{"op":"tell","trial":"one","value":1}""", "\"trial\" must be the integer")]
    [InlineData("""{"op":"tell","trial":1}""", "\"value\" must be a number")]
    [InlineData("""{"op":"tell","trial":1,"state":"exploded"}""", "unknown state 'exploded'")]
    public void Run_BadLine_AnswersErrorAndContinues(string bad, string message)
    {
        var (code, lines, _) = Run("{\"op\":\"ask\"}\n" + bad + "\n{\"op\":\"ask\"}\n");

        Assert.Equal(0, code);
        Assert.False((bool)lines[1]!["ok"]!);
        Assert.StartsWith(message, (string)lines[1]!["error"]!);
        Assert.Equal(2, (int)lines[2]!["trial"]!);
    }

    [Fact]
    public void Run_TellTwice_SecondIsAnError()
    {
        var (_, lines, _) = Run("""
            {"op":"ask"}
            {"op":"tell","trial":1,"value":1}
            {"op":"tell","trial":1,"value":2}
            """);

        Assert.Equal("trial 1 was already told", (string)lines[2]!["error"]!);
    }

    [Fact]
    public void Run_GridExhausted_AnswersDone()
    {
        // step: 2 gammas × 1 lr × 1 stepSize; constant: 1 lr → 3 points with one point per range.
        var input = string.Concat(Enumerable.Repeat("{\"op\":\"ask\"}\n", 4));

        var (code, lines, error) = Run(input, SearchStrategy.Grid, gridPoints: 1);

        Assert.Equal(0, code);
        Assert.Contains("grid: 3 trials", error);
        Assert.Equal([1, 2, 3], lines.Take(3).Select(l => (int)l!["trial"]!));
        Assert.True((bool)lines[3]!["done"]!);
    }

    [Fact]
    public void Run_SameSeed_SameAnswers()
    {
        var input = string.Concat(Enumerable.Range(1, 15).Select(n => $"{{\"op\":\"ask\"}}\n{{\"op\":\"tell\",\"trial\":{n},\"value\":{n % 4}}}\n"));

        var first = Run(input, SearchStrategy.Tpe, seed: 3).Lines.Select(l => l!.ToJsonString());
        var second = Run(input, SearchStrategy.Tpe, seed: 3).Lines.Select(l => l!.ToJsonString());

        Assert.Equal(first, second);
    }

    [Fact]
    public void Run_InvalidSpace_FieldErrorsOnStderrAndExit2()
    {
        var (code, lines, error) = Run("{\"op\":\"ask\"}\n", space: """{ "initialLr": { "low": 0, "high": 1 }, "decay": { "step": { "stepSize": 0 } } }""");

        Assert.Equal(2, code);
        Assert.Empty(lines);
        Assert.Contains("initialLr.low: must be > 0 on a log scale", error);
        Assert.Contains("decay.step.stepSize: must be ≥ 1", error);
    }

    [Fact]
    public void Run_MissingSpaceFile_NamesOptionAndExit2()
    {
        var output = new StringWriter();
        var error = new StringWriter();

        var code = AskTellCommand.Run(new AskTellOptions(Path.Combine(dir, "nope.json"), SearchStrategy.Random, 0, 3, ObjectiveDirection.Minimize),
            new StringReader(""), output, error);

        Assert.Equal(2, code);
        Assert.StartsWith("--space: cannot read", error.ToString());
    }

    [Fact]
    public void Parse_UnknownStrategy_IsAParseError()
    {
        var result = HyperSearchCommand.Create().Parse(["ask-tell", "--space", "x.json", "--strategy", "bayes"]);

        Assert.NotEmpty(result.Errors);
    }
}

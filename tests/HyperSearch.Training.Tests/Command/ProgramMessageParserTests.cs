using HyperSearch.Training.Command;

namespace HyperSearch.Training.Tests.Command;

public sealed class ProgramMessageParserTests
{
    [Fact]
    public void Parse_EpochLine_ReadsTheMetricsAndKeepsExtraNumbersByName()
    {
        var message = Assert.IsType<EpochMessage>(ProgramMessageParser.Parse("""{"epoch": 2, "trainLoss": 0.5, "valLoss": 0.25, "valAccuracy": 0.875, "lr": 0.01, "f1": 0.8}"""));

        Assert.Equal((2, 0.5, 0.25, 0.875, (double?)0.01), (message.Epoch, message.TrainLoss, message.ValLoss, message.ValAccuracy, message.Lr));
        Assert.Equal(0.8, Assert.Single(message.Extra, e => e.Key == "f1").Value);
    }

    [Theory]
    [InlineData("""{"epoch": 1, "trainLoss": NaN, "valLoss": Infinity, "valAccuracy": -Infinity}""")]
    [InlineData("""{"epoch": 1, "trainLoss": "NaN", "valLoss": "Infinity", "valAccuracy": "-Infinity"}""")]
    public void Parse_NonFiniteValuesBareOrQuoted_AreResults(string line)
    {
        var message = Assert.IsType<EpochMessage>(ProgramMessageParser.Parse(line));

        Assert.Equal((double.NaN, double.PositiveInfinity, double.NegativeInfinity), (message.TrainLoss, message.ValLoss, message.ValAccuracy));
        Assert.Null(message.Lr);
    }

    [Fact]
    public void QuoteNonFinite_TokensInsideStrings_AreLeftAlone()
    {
        Assert.Equal("""{"note": "NaN \"Infinity\"", "x": "NaN"}""", ProgramMessageParser.QuoteNonFinite("""{"note": "NaN \"Infinity\"", "x": NaN}"""));
    }

    [Fact]
    public void Parse_ResumedAndTestLines_AreTheirMessages()
    {
        Assert.Equal(new ResumedMessage(4), ProgramMessageParser.Parse("""{"resumed": 4}"""));
        Assert.Equal(new TestResultMessage(0.5, 0.75), ProgramMessageParser.Parse("""{"testLoss": 0.5, "testAccuracy": 0.75}"""));
    }

    [Theory]
    [InlineData("[1, 2]", "not a JSON object")]
    [InlineData("loss=0.5", "not a JSON object ('l' is an invalid start of a value)")]
    [InlineData("""{"epoch": 1,""", "not a JSON object (Expected start of a property name or value, but instead reached end of data)")]
    [InlineData("""{"epoch": 1, "resumed": 0}""", "has both 'epoch' and 'resumed' (one message per line)")]
    [InlineData("""{"resumed": -1}""", "'resumed' must be a whole number ≥ 0; got -1")]
    [InlineData("""{"epoch": 1.5, "trainLoss": 1, "valLoss": 1, "valAccuracy": 0}""", "'epoch' must be a whole number ≥ 1; got 1.5")]
    [InlineData("""{"epoch": 1, "trainLoss": 1, "valLoss": 1, "valAccuracy": 0, "note": "good"}""", "'note' must be a number (or \"NaN\", \"Infinity\", \"-Infinity\"); got \"good\"")]
    [InlineData("""{"testLoss": 1}""", "'testAccuracy' is missing")]
    public void Parse_BadMessage_SaysWhatIsWrong(string line, string problem)
    {
        Assert.Equal(problem, Assert.Throws<ProtocolException>(() => ProgramMessageParser.Parse(line)).Message);
    }
}

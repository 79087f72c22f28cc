using HyperSearch.Core.Settings;

namespace HyperSearch.Core.Tests.Settings;

public class SettingsReaderTests
{
    private static SettingsReader Reader(params (string Name, string Value)[] values) =>
        new("HyperSearch:Worker", name => values.FirstOrDefault(v => v.Name == name).Value);

    [Fact]
    public void AbsentOrEmpty_IsTheDefault_NoProblem()
    {
        var settings = Reader(("LeaseSeconds", ""));

        Assert.Equal(30, settings.PositiveNumber("LeaseSeconds", 30));
        Assert.Equal(3, settings.PositiveInteger("MaxAttempts", 3));
        Assert.True(settings.Boolean("Embedded", true));
        Assert.Empty(settings.Problems);
        settings.ThrowIfAny();
    }

    [Fact]
    public void ValidValues_AreRead_InvariantCulture()
    {
        var settings = Reader(("HeartbeatSeconds", "0.5"), ("MaxAttempts", "7"), ("Embedded", "False"));

        Assert.Equal(0.5, settings.PositiveNumber("HeartbeatSeconds", 5));
        Assert.Equal(7, settings.PositiveInteger("MaxAttempts", 3));
        Assert.False(settings.Boolean("Embedded", true));
        Assert.Empty(settings.Problems);
    }

    [Theory]
    [InlineData("3O")]
    [InlineData("0")]
    [InlineData("-5")]
    [InlineData("NaN")]
    [InlineData("Infinity")]
    public void PositiveNumber_Mistyped_NamesKeyAndValue(string text)
    {
        var settings = Reader(("LeaseSeconds", text));

        settings.PositiveNumber("LeaseSeconds", 30);

        Assert.Equal([$"HyperSearch:Worker:LeaseSeconds: must be a number > 0; got '{text}'"], settings.Problems);
    }

    [Theory]
    [InlineData("2.5")]
    [InlineData("0")]
    [InlineData("three")]
    public void PositiveInteger_Mistyped_NamesKeyAndValue(string text)
    {
        var settings = Reader(("MaxAttempts", text));

        settings.PositiveInteger("MaxAttempts", 3);

        Assert.Equal([$"HyperSearch:Worker:MaxAttempts: must be a whole number > 0; got '{text}'"], settings.Problems);
    }

    [Fact]
    public void EveryProblem_IsCollected_AndThrownTogether()
    {
        var settings = Reader(("LeaseSeconds", "abc"), ("Embedded", "maybe"));
        settings.PositiveNumber("LeaseSeconds", 30);
        settings.Boolean("Embedded", true);

        var e = Assert.Throws<SettingsException>(settings.ThrowIfAny);

        Assert.Equal(["HyperSearch:Worker:LeaseSeconds: must be a number > 0; got 'abc'", "HyperSearch:Worker:Embedded: must be true or false; got 'maybe'"], e.Problems);
        Assert.Equal(e.Problems, SettingsException.Of(settings.ThrowIfAny));
    }
}

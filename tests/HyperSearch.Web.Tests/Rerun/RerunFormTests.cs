using HyperSearch.Core.Configuration;
using HyperSearch.Web.Rerun;

namespace HyperSearch.Web.Tests.Rerun;

/// <summary>The re-run form's text → config: list parameters, half-typed values and kept fields.</summary>
public class RerunFormTests
{
    private static readonly TrialConfig MultiStep = new()
    {
        InitialLr = 0.1,
        Decay = new MultiStepDecay { Milestones = [10, 20], Gamma = 0.5 },
        BatchSize = 64,
        Params = new Dictionary<string, double> { ["width"] = 128 },
    };

    [Fact]
    public void Read_Unchanged_GivesBackTheSameConfigIncludingFieldsTheFormDoesNotShow()
    {
        var form = RerunForm.From(MultiStep);

        Assert.Equal("10, 20", form.Decay["milestones"]);
        var (config, errors) = form.Read();
        Assert.Empty(errors);
        var decay = Assert.IsType<MultiStepDecay>(config!.Decay);
        Assert.Equal([10, 20], decay.Milestones);
        Assert.Equal(0.5, decay.Gamma);
        Assert.Equal(64, config.BatchSize);
        Assert.Equal(128, config.Params!["width"]);
    }

    [Theory]
    [InlineData("10, x", "decay.milestones[1]", "must be a whole number; got 'x'")]
    [InlineData("10, 5", "decay.milestones[1]", "must be greater than the previous value (10)")]
    public void Read_BadMilestones_MessageNamesTheListEntry(string milestones, string path, string message)
    {
        var form = RerunForm.From(MultiStep);
        form.Decay["milestones"] = milestones;
        form.Params["width"] = "wide";

        var (config, errors) = form.Read();

        Assert.Null(config);
        Assert.Contains(errors, e => e.Path == path && e.Message == message);
        Assert.Contains(errors, e => e.Path == "params.width" && e.Message == "must be a number (like 0.05 or 1e-3); got 'wide'");
    }
}

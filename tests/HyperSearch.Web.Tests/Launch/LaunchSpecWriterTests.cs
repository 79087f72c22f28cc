using HyperSearch.Core.Space;
using HyperSearch.Web.Launch;

namespace HyperSearch.Web.Tests.Launch;

public class LaunchSpecWriterTests
{
    private static readonly HyperSearch.Core.Training.WorkloadInfo[] Workloads = [new("two-spirals", "", HyperSearch.Core.Training.WorkloadKind.TorchSharp)];

    [Theory]
    [InlineData(3)]
    [InlineData(10)]
    [InlineData(200)]
    public void Validate_EveryDecayTypeWithDefaults_CoreAcceptsTheSpace(int epochs)
    {
        var form = LaunchForm.CreateDefault("two-spirals", epochs);
        form.Name = "all";
        form.UseWarmup = true;
        form.UseOptimizer = true;
        foreach (var decay in form.Decays) decay.Included = true;

        var (spec, errors) = LaunchSpecWriter.Validate(form, Workloads);

        Assert.Empty(errors);
        var (space, spaceErrors) = SearchSpaceJson.Parse(spec!.SpaceJson);
        Assert.Empty(spaceErrors);
        Assert.Equal(HyperSearch.Core.Configuration.DecayTypes.All.Count, space!.Decay.Count);
    }

    [Fact]
    public void Validate_GammaAboveOne_ErrorNamesTheRangeByPath()
    {
        var form = LaunchForm.CreateDefault("two-spirals");
        form.Name = "bad";
        form.Decays.Single(d => d.Type == "step").Parameters.Single(p => p.Name == "gamma").High = 1.5;

        var (_, errors) = LaunchSpecWriter.Validate(form, Workloads);

        Assert.Contains(errors, e => e.Path.StartsWith("space.decay.step.gamma", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_NoDecayType_ErrorOnDecay()
    {
        var form = LaunchForm.CreateDefault("two-spirals");
        form.Name = "none";
        foreach (var decay in form.Decays) decay.Included = false;

        var (_, errors) = LaunchSpecWriter.Validate(form, Workloads);

        Assert.Contains(errors, e => e.Path.StartsWith("space.decay", StringComparison.Ordinal));
    }

    [Fact]
    public void FromSpec_WrittenForm_RoundTripsEveryRange()
    {
        var form = LaunchForm.CreateDefault("two-spirals", 20);
        form.Name = "round";
        form.Decays.Single(d => d.Type == "cyclic").Included = true;
        var (spec, _) = LaunchSpecWriter.Validate(form, Workloads);

        var copy = LaunchFormReader.FromSpec(spec!, nameSuffix: "");

        Assert.Equal(LaunchSpecWriter.ToJson(form), LaunchSpecWriter.ToJson(copy));
    }

    [Fact]
    public void FromSpec_ShorthandSpace_CloneKeepsItsRanges()
    {
        // What docs and API users write: ranges without "type", decay types by name only.
        var (spec, errors) = HyperSearch.Core.Searches.SearchSpecValidator.Parse("""
            { "name": "short", "workload": "two-spirals", "epochs": 8, "budget": 4,
              "space": { "initialLr": { "low": 0.001, "high": 0.1 }, "decay": ["cosine"] } }
            """, Workloads);
        Assert.Empty(errors);

        var copy = LaunchFormReader.FromSpec(spec!);

        Assert.Equal((0.001, 0.1), (copy.InitialLr.Low, copy.InitialLr.High));
        Assert.Equal(["cosine"], copy.IncludedDecays.Select(d => d.Type));
    }
}

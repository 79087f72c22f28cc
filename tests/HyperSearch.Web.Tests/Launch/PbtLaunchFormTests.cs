using HyperSearch.Core.Sampling;
using HyperSearch.Core.Space;
using HyperSearch.Web.Launch;

namespace HyperSearch.Web.Tests.Launch;

/// <summary>The launch form's PBT settings: written into the space, judged by the core, read back on clone.</summary>
public class PbtLaunchFormTests
{
    private static readonly HyperSearch.Core.Training.WorkloadInfo[] Workloads = [new("two-spirals", "", HyperSearch.Core.Training.WorkloadKind.TorchSharp)];

    private static LaunchForm PbtForm()
    {
        var form = LaunchForm.CreateDefault("two-spirals", 12);
        form.Name = "pbt";
        form.Strategy = SearchStrategy.Pbt;
        form.Pbt = new PbtForm { Population = 6, Interval = 3, Fraction = 0.5, PerturbFactors = "0.7, 1.3" };
        form.Budget = 24;
        return form;
    }

    [Fact]
    public void Validate_PbtStrategy_SpaceCarriesTheFormsSettings()
    {
        var (spec, errors) = LaunchSpecWriter.Validate(PbtForm(), Workloads);

        Assert.Empty(errors);
        var (space, _) = SearchSpaceJson.Parse(spec!.SpaceJson);
        Assert.Equal((6, 3, 0.5), (space!.Pbt!.Population, space.Pbt.Interval, space.Pbt.Fraction));
        Assert.Equal([0.7, 1.3], space.Pbt.PerturbFactors);
    }

    [Fact]
    public void Validate_OtherStrategy_NoPbtSection()
    {
        var form = PbtForm();
        form.Strategy = SearchStrategy.Tpe;

        var (spec, _) = LaunchSpecWriter.Validate(form, Workloads);

        Assert.Null(SearchSpaceJson.Parse(spec!.SpaceJson).Space!.Pbt);
    }

    [Theory]
    [InlineData("fraction", "space.pbt.fraction")]
    [InlineData("factors", "space.pbt.perturbFactors")]
    [InlineData("population", "space.pbt.population")]
    public void Validate_BadSetting_ErrorNamesItsField(string which, string path)
    {
        var form = PbtForm();
        switch (which)
        {
            case "fraction": form.Pbt.Fraction = 0.9; break;
            case "factors": form.Pbt.PerturbFactors = "0.8, -1"; break;
            default: form.Pbt.Population = 1; break;
        }

        var (_, errors) = LaunchSpecWriter.Validate(form, Workloads);

        Assert.Equal(path, Assert.Single(errors).Path);
    }

    [Fact]
    public void FromSpec_PbtSearch_CloneKeepsTheSettings()
    {
        var (spec, _) = LaunchSpecWriter.Validate(PbtForm(), Workloads);

        var clone = LaunchFormReader.FromSpec(spec!).Pbt;

        Assert.Equal((6, 3, 0.5, "0.7, 1.3"), (clone.Population, clone.Interval, clone.Fraction, clone.PerturbFactors));
    }

    [Theory]
    [InlineData(24, null)]
    [InlineData(20, "ends before every member reaches epoch 12")]
    [InlineData(30, "never used")]
    public void Warnings_BudgetAgainstMembersTimesSegments(int budget, string? expected)
    {
        var form = PbtForm();
        form.Budget = budget;

        var warning = LaunchWarnings.For(form, slots: null).SingleOrDefault(w => w.Field == "budget");

        if (expected is null) Assert.Null(warning);
        else Assert.Contains(expected, warning!.Message);
    }
}

using HyperSearch.Core.Sampling;

namespace HyperSearch.Core.Tests.Sampling;

public class TpeOptionOverridesTests
{
    [Fact]
    public void Apply_KnownNames_SetEachOption()
    {
        var (options, error) = TpeOptionOverrides.Apply(TpeOptions.Default,
            ["candidates=64", "startup=latinHypercube", "decayTypeChoice=marginal", "jointShared=false", "jointModelFrom=5", "plateauRepeats=0", "conditionalSplit=branch", "omitKernelScale=false", "priorWeight=0.5", "gamma=0.2", "gammaMax=10"]);

        Assert.Null(error);
        Assert.Equal(64, options!.Candidates);
        Assert.Equal(TpeStartup.LatinHypercube, options.Startup);
        Assert.Equal(TpeDecayTypeChoice.Marginal, options.DecayTypeChoice);
        Assert.False(options.JointShared);
        Assert.Equal(5, options.JointModelFrom);
        Assert.Equal(0, options.PlateauRepeats);
        Assert.Equal(TpeConditionalSplit.Branch, options.ConditionalSplit);
        Assert.False(options.OmitKernelScale);
        Assert.Equal(0.5, options.PriorWeight);
        Assert.Equal(4, options.Gamma(20));
        Assert.Equal(10, options.Gamma(100));
    }

    [Fact]
    public void Apply_NoGammaOverride_KeepsOptunasGamma()
    {
        var (options, _) = TpeOptionOverrides.Apply(TpeOptions.Default, ["candidates=24"]);

        Assert.Equal([1, 10, 25], new[] { 1, 100, 1000 }.Select(options!.Gamma));
    }

    [Theory]
    [InlineData("candidates", "expected name=value")]
    [InlineData("candidates=0", "invalid value")]
    [InlineData("gamma=1.5", "invalid value")]
    [InlineData("startup=sobol", "invalid value")]
    [InlineData("decayTypeChoice=7", "invalid value")]
    [InlineData("bandwidth=2", "invalid value")]
    [InlineData("jointModelFrom=-1", "invalid value")]
    [InlineData("plateauRepeats=-1", "invalid value")]
    [InlineData("speed=11", "unknown option")]
    public void Apply_BadPair_SaysWhich(string pair, string why)
    {
        var (options, error) = TpeOptionOverrides.Apply(TpeOptions.Default, [pair]);

        Assert.Null(options);
        Assert.Contains(pair, error);
        Assert.Contains(why, error);
    }
}

using HyperSearch.Core.Pruning;

namespace HyperSearch.Core.Tests.Pruning;

public class PrunerFactoryTests
{
    [Fact]
    public void Create_EachType_BuildsItsPruner()
    {
        Assert.Null(PrunerFactory.Create(new PrunerSpec()));
        var median = Assert.IsType<MedianPruner>(PrunerFactory.Create(new PrunerSpec { Type = "median", StartupTrials = 4, WarmupSteps = 2 }));
        Assert.Equal((4, 2), (median.StartupTrials, median.WarmupSteps));
        var asha = Assert.IsType<AshaPruner>(PrunerFactory.Create(new PrunerSpec { Type = "asha", ReductionFactor = 4, MinResource = 2 }));
        Assert.Equal((4, 2), (asha.ReductionFactor, asha.MinResource));
    }

    [Theory]
    [InlineData("banana", 3, 1, "pruner.type")]
    [InlineData("asha", 1, 1, "pruner.reductionFactor")]
    [InlineData("asha", 3, 0, "pruner.minResource")]
    public void Create_InvalidSpec_ErrorNamesTheField(string type, int eta, int minResource, string field)
    {
        var e = Assert.Throws<ArgumentException>(() => PrunerFactory.Create(new PrunerSpec { Type = type, ReductionFactor = eta, MinResource = minResource }));

        Assert.StartsWith(field + ":", e.Message);
    }
}

using HyperSearch.Core.Pruning;

namespace HyperSearch.Core.Tests.Pruning;

public class MedianPrunerConformanceTests : PrunerConformanceTests
{
    protected override IPruner Create() => new MedianPruner(startupTrials: 5, warmupSteps: 2);
}

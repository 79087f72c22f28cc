using HyperSearch.Core.Pruning;

namespace HyperSearch.Core.Tests.Pruning;

public class HyperbandPrunerConformanceTests : PrunerConformanceTests
{
    protected override IPruner Create() => new HyperbandPruner(reductionFactor: 3, minResource: 1, maxResource: Steps);
}

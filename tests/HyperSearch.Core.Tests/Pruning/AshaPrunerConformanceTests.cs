using HyperSearch.Core.Pruning;

namespace HyperSearch.Core.Tests.Pruning;

public class AshaPrunerConformanceTests : PrunerConformanceTests
{
    protected override IPruner Create() => new AshaPruner(reductionFactor: 3, minResource: 1);
}

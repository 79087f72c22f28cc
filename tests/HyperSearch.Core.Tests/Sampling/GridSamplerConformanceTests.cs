using HyperSearch.Core.Sampling;

namespace HyperSearch.Core.Tests.Sampling;

public class GridSamplerConformanceTests : SamplerConformanceTests
{
    protected override ISampler Create() => new GridSampler(3);

    protected override bool UsesSeed => false;
}

using HyperSearch.Core.Sampling;

namespace HyperSearch.Core.Tests.Sampling;

public class RandomSamplerConformanceTests : SamplerConformanceTests
{
    protected override ISampler Create() => new RandomSampler();
}

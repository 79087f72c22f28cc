using HyperSearch.Core.Pbt;
using HyperSearch.Core.Sampling;

namespace HyperSearch.Core.Tests.Sampling;

public sealed class PbtSamplerConformanceTests : SamplerConformanceTests
{
    // 40 epochs in segments of 2 (the default interval): enough segments for every suite run.
    protected override ISampler Create() => new PbtSampler(epochs: 40);
}

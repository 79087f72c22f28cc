using HyperSearch.Core.Sampling;

namespace HyperSearch.Core.Tests.Sampling;

public class TpeSamplerConformanceTests : SamplerConformanceTests
{
    // Fewer start-up trials than the default so the conformance runs exercise the model, not just the start-up design.
    protected override ISampler Create() => new TpeSampler(new TpeOptions { StartupTrials = 5 });
}

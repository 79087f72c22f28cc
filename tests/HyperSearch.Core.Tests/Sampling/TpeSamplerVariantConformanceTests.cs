using HyperSearch.Core.Sampling;

namespace HyperSearch.Core.Tests.Sampling;

/// <summary>The non-default TPE modes stay within the sampler contract too (ask-tell can select them).</summary>
public class TpeSamplerIndependentConformanceTests : SamplerConformanceTests
{
    protected override ISampler Create() => new TpeSampler(new TpeOptions { StartupTrials = 5, JointShared = false });
}

public class TpeSamplerBranchSplitConformanceTests : SamplerConformanceTests
{
    protected override ISampler Create() =>
        new TpeSampler(new TpeOptions { StartupTrials = 5, JointShared = false, ConditionalSplit = TpeConditionalSplit.Branch, MinBranchTrials = 2 });
}

public class TpeSamplerUnconditionedConformanceTests : SamplerConformanceTests
{
    protected override ISampler Create() => new TpeSampler(new TpeOptions { StartupTrials = 5, ConditionBranchOnShared = false });
}

public class TpeSamplerUniformStartupConformanceTests : SamplerConformanceTests
{
    protected override ISampler Create() => new TpeSampler(new TpeOptions { StartupTrials = 5, Startup = TpeStartup.Random });
}

public class TpeSamplerJointDecayTypeConformanceTests : SamplerConformanceTests
{
    protected override ISampler Create() => new TpeSampler(new TpeOptions { StartupTrials = 5, DecayTypeChoice = TpeDecayTypeChoice.Joint });
}

public class TpeSamplerMarginalDecayTypeConformanceTests : SamplerConformanceTests
{
    protected override ISampler Create() => new TpeSampler(new TpeOptions { StartupTrials = 5, DecayTypeChoice = TpeDecayTypeChoice.Marginal });
}

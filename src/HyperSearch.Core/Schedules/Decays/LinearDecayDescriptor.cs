using HyperSearch.Core.Configuration;
using HyperSearch.Core.Space;

namespace HyperSearch.Core.Schedules.Decays;

/// <summary><c>linear</c>: the factor goes linearly from startFactor to endFactor over totalIters steps (default: the run).</summary>
public sealed class LinearDecayDescriptor : DecayDescriptor
{
    public override string Type => DecayTypes.Linear;
    public override Type SpecType => typeof(LinearDecay);
    public override string TorchClass => "LinearLR";

    public override IReadOnlyList<DecayParameter> Parameters { get; } =
    [
        Float<LinearDecay>("startFactor", "start_factor", d => d.StartFactor, n => FixedDistribution.Of(1.0), min: 0, minExclusive: true, max: 1),
        // Log scale: end factors matter by order of magnitude (0.01 vs 0.1), and a log range cannot include 0.
        Float<LinearDecay>("endFactor", "end_factor", d => d.EndFactor, n => new FloatDistribution(0.01, 0.5, Log: true), min: 0, max: 1),
        Int<LinearDecay>("totalIters", "total_iters", d => d.TotalIters, n => FixedDistribution.Of(n), min: 1),
    ];

    internal override ISequentialLrScheduler CreateScheduler(ParamGroup group, DecaySpec spec, double initialLr)
    {
        var d = (LinearDecay)spec;
        return new LinearLrScheduler(group, d.StartFactor, d.EndFactor, d.TotalIters);
    }
}

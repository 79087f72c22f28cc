using HyperSearch.Core.Configuration;
using HyperSearch.Core.Space;

namespace HyperSearch.Core.Schedules.Decays;

/// <summary><c>multiStep</c>: multiply by gamma at each milestone.</summary>
public sealed class MultiStepDecayDescriptor : DecayDescriptor
{
    public override string Type => DecayTypes.MultiStep;
    public override Type SpecType => typeof(MultiStepDecay);
    public override string TorchClass => "MultiStepLR";

    public override IReadOnlyList<DecayParameter> Parameters { get; } =
    [
        IntList<MultiStepDecay>("milestones", "milestones", d => d.Milestones, Milestones, min: 1),
        Float<MultiStepDecay>("gamma", "gamma", d => d.Gamma, n => new FloatDistribution(0.1, 0.9), min: 0, minExclusive: true, max: 1),
    ];

    // Drops at half and three quarters of the run (strictly increasing even for very short runs).
    private static Distribution Milestones(int n)
    {
        var first = Math.Max(1, n / 2);
        return FixedDistribution.Of(new[] { first, Math.Max(first + 1, 3 * n / 4) });
    }

    internal override ISequentialLrScheduler CreateScheduler(ParamGroup group, DecaySpec spec, double initialLr)
    {
        var d = (MultiStepDecay)spec;
        return new MultiStepLrScheduler(group, d.Milestones, d.Gamma);
    }
}

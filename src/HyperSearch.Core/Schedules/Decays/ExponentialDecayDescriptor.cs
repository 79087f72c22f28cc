using HyperSearch.Core.Configuration;
using HyperSearch.Core.Space;

namespace HyperSearch.Core.Schedules.Decays;

/// <summary><c>exponential</c>: multiply by gamma every step.</summary>
public sealed class ExponentialDecayDescriptor : DecayDescriptor
{
    public override string Type => DecayTypes.Exponential;
    public override Type SpecType => typeof(ExponentialDecay);
    public override string TorchClass => "ExponentialLR";

    public override IReadOnlyList<DecayParameter> Parameters { get; } =
    [
        Float<ExponentialDecay>("gamma", "gamma", d => d.Gamma, n => new FloatDistribution(0.8, 0.99), min: 0, minExclusive: true, max: 1, required: true),
    ];

    internal override ISequentialLrScheduler CreateScheduler(ParamGroup group, DecaySpec spec, double initialLr) =>
        new ExponentialLrScheduler(group, ((ExponentialDecay)spec).Gamma);
}

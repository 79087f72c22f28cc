using HyperSearch.Core.Configuration;
using HyperSearch.Core.Space;

namespace HyperSearch.Core.Schedules.Decays;

/// <summary><c>step</c>: multiply by gamma every stepSize steps. Default step sizes are 1/10 to 1/2 of the run.</summary>
public sealed class StepDecayDescriptor : DecayDescriptor
{
    public override string Type => DecayTypes.Step;
    public override Type SpecType => typeof(StepDecay);
    public override string TorchClass => "StepLR";

    public override IReadOnlyList<DecayParameter> Parameters { get; } =
    [
        Int<StepDecay>("stepSize", "step_size", d => d.StepSize, n => new IntDistribution(Math.Max(1, n / 10), Math.Max(2, n / 2)), min: 1, required: true),
        Float<StepDecay>("gamma", "gamma", d => d.Gamma, n => new FloatDistribution(0.1, 0.9), min: 0, minExclusive: true, max: 1),
    ];

    internal override ISequentialLrScheduler CreateScheduler(ParamGroup group, DecaySpec spec, double initialLr)
    {
        var d = (StepDecay)spec;
        return new StepLrScheduler(group, d.StepSize, d.Gamma);
    }
}

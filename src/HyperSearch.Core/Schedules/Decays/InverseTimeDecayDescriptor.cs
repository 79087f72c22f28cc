using HyperSearch.Core.Configuration;
using HyperSearch.Core.Space;

namespace HyperSearch.Core.Schedules.Decays;

/// <summary><c>inverseTime</c>: lr = initialLr / (1 + decayRate·t) (Keras' InverseTimeDecay with decay_steps = 1).</summary>
public sealed class InverseTimeDecayDescriptor : DecayDescriptor
{
    public override string Type => DecayTypes.InverseTime;
    public override Type SpecType => typeof(InverseTimeDecay);
    public override string TorchClass => "LambdaLR(lambda t: 1 / (1 + decay_rate * t))";

    public override IReadOnlyList<DecayParameter> Parameters { get; } =
    [
        Float<InverseTimeDecay>("decayRate", "decay_rate", d => d.DecayRate, n => new FloatDistribution(0.01, 1, Log: true), min: 0, required: true),
    ];

    internal override ISequentialLrScheduler CreateScheduler(ParamGroup group, DecaySpec spec, double initialLr) =>
        new InverseTimeLrScheduler(group, ((InverseTimeDecay)spec).DecayRate);
}

using HyperSearch.Core.Configuration;
using HyperSearch.Core.Space;

namespace HyperSearch.Core.Schedules.Decays;

/// <summary><c>constant</c>: no decay; a space without "decay" searches the LR alone under it.</summary>
public sealed class ConstantDecayDescriptor : DecayDescriptor
{
    public override string Type => DecayTypes.Constant;
    public override Type SpecType => typeof(ConstantDecay);
    public override string TorchClass => "none (the LR stays initialLr)";

    public override IReadOnlyList<DecayParameter> Parameters { get; } =
    [

    ];

    internal override ISequentialLrScheduler CreateScheduler(ParamGroup group, DecaySpec spec, double initialLr) =>
        new ConstantLrScheduler(group);
}

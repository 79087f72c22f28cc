using HyperSearch.Core.Configuration;
using HyperSearch.Core.Space;

namespace HyperSearch.Core.Schedules.Decays;

/// <summary><c>cosine</c>: half a cosine from initialLr to etaMin over tMax steps (default: the whole run).</summary>
public sealed class CosineDecayDescriptor : DecayDescriptor
{
    public override string Type => DecayTypes.Cosine;
    public override Type SpecType => typeof(CosineDecay);
    public override string TorchClass => "CosineAnnealingLR";

    public override IReadOnlyList<DecayParameter> Parameters { get; } =
    [
        Int<CosineDecay>("tMax", "T_max", d => d.TMax, n => FixedDistribution.Of(n), min: 1, required: true),
        Float<CosineDecay>("etaMin", "eta_min", d => d.EtaMin, n => FixedDistribution.Of(0.0), min: 0),
    ];

    internal override ISequentialLrScheduler CreateScheduler(ParamGroup group, DecaySpec spec, double initialLr)
    {
        var d = (CosineDecay)spec;
        return new CosineAnnealingLrScheduler(group, d.TMax, d.EtaMin);
    }
}

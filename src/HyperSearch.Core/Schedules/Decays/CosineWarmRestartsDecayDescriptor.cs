using HyperSearch.Core.Configuration;
using HyperSearch.Core.Space;

namespace HyperSearch.Core.Schedules.Decays;

/// <summary><c>cosineWarmRestarts</c> (SGDR): cosine cycles of t0, t0·tMult, … steps. Default first cycle: 1/10 to 1/3 of the run.</summary>
public sealed class CosineWarmRestartsDecayDescriptor : DecayDescriptor
{
    public override string Type => DecayTypes.CosineWarmRestarts;
    public override Type SpecType => typeof(CosineWarmRestartsDecay);
    public override string TorchClass => "CosineAnnealingWarmRestarts";

    public override IReadOnlyList<DecayParameter> Parameters { get; } =
    [
        Int<CosineWarmRestartsDecay>("t0", "T_0", d => d.T0, n => new IntDistribution(Math.Max(1, n / 10), Math.Max(2, n / 3)), min: 1, required: true),
        Int<CosineWarmRestartsDecay>("tMult", "T_mult", d => d.TMult, n => CategoricalDistribution.Of(1, 2), min: 1),
        Float<CosineWarmRestartsDecay>("etaMin", "eta_min", d => d.EtaMin, n => FixedDistribution.Of(0.0), min: 0),
    ];

    internal override ISequentialLrScheduler CreateScheduler(ParamGroup group, DecaySpec spec, double initialLr)
    {
        var d = (CosineWarmRestartsDecay)spec;
        return new CosineWarmRestartsLrScheduler(group, d.T0, d.TMult, d.EtaMin);
    }
}

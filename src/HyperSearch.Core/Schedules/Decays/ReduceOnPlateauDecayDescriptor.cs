using HyperSearch.Core.Configuration;
using HyperSearch.Core.Space;

namespace HyperSearch.Core.Schedules.Decays;

/// <summary>
/// <c>reduceOnPlateau</c>: PyTorch ReduceLROnPlateau in mode "min" on the validation metric.
/// Default patience: 1 to 1/5 of the run; threshold, cooldown and minLr keep PyTorch's defaults.
/// </summary>
public sealed class ReduceOnPlateauDecayDescriptor : DecayDescriptor
{
    public override string Type => DecayTypes.ReduceOnPlateau;
    public override Type SpecType => typeof(ReduceOnPlateauDecay);
    public override string TorchClass => "ReduceLROnPlateau";

    public override IReadOnlyList<DecayParameter> Parameters { get; } =
    [
        // PyTorch rejects factor ≥ 1 and accepts 0.
        Float<ReduceOnPlateauDecay>("factor", "factor", d => d.Factor, n => new FloatDistribution(0.1, 0.5), min: 0, max: 1, maxExclusive: true),
        Int<ReduceOnPlateauDecay>("patience", "patience", d => d.Patience, n => new IntDistribution(1, Math.Max(2, n / 5)), min: 0),
        Float<ReduceOnPlateauDecay>("threshold", "threshold", d => d.Threshold, min: 0),
        Choice<ReduceOnPlateauDecay>("thresholdMode", "threshold_mode", d => d.ThresholdMode, ["rel", "abs"]),
        Int<ReduceOnPlateauDecay>("cooldown", "cooldown", d => d.Cooldown, min: 0),
        Float<ReduceOnPlateauDecay>("minLr", "min_lr", d => d.MinLr, min: 0),
    ];

    internal override ISequentialLrScheduler CreateScheduler(ParamGroup group, DecaySpec spec, double initialLr)
    {
        var d = (ReduceOnPlateauDecay)spec;
        return new ReduceOnPlateauLrScheduler(group, d.Factor, d.Patience, d.Threshold, d.ThresholdMode == "rel", d.Cooldown, d.MinLr);
    }
}

using HyperSearch.Core.Configuration;
using HyperSearch.Core.Space;

namespace HyperSearch.Core.Schedules.Decays;

/// <summary>
/// <c>cyclic</c>: PyTorch CyclicLR. It overrides the optimizer's LR, so baseLr left out means
/// initialLr. Default half-cycles are 1/10 to 1/4 of the run; gamma only matters for expRange,
/// which is therefore not among the default modes.
/// </summary>
public sealed class CyclicDecayDescriptor : DecayDescriptor
{
    public override string Type => DecayTypes.Cyclic;
    public override Type SpecType => typeof(CyclicDecay);
    public override string TorchClass => "CyclicLR";

    public override IReadOnlyList<DecayParameter> Parameters { get; } =
    [
        Float<CyclicDecay>("baseLr", "base_lr", d => d.BaseLr, min: 0, minExclusive: true),
        Float<CyclicDecay>("maxLr", "max_lr", d => d.MaxLr, n => new FloatDistribution(0.01, 1, Log: true), min: 0, minExclusive: true, required: true),
        Int<CyclicDecay>("stepSizeUp", "step_size_up", d => d.StepSizeUp, n => new IntDistribution(Math.Max(1, n / 10), Math.Max(2, n / 4)), min: 1),
        Int<CyclicDecay>("stepSizeDown", "step_size_down", d => d.StepSizeDown, min: 1),
        Choice<CyclicDecay>("mode", "mode", d => d.Mode, ["triangular", "triangular2", "expRange"], n => CategoricalDistribution.Of("triangular", "triangular2")),
        Float<CyclicDecay>("gamma", "gamma", d => d.Gamma, min: 0, minExclusive: true, max: 1),
    ];

    internal override ISequentialLrScheduler CreateScheduler(ParamGroup group, DecaySpec spec, double initialLr)
    {
        var d = (CyclicDecay)spec;
        var mode = d.Mode switch
        {
            "triangular" => CyclicMode.Triangular,
            "triangular2" => CyclicMode.Triangular2,
            _ => CyclicMode.ExpRange,
        };
        return new CyclicLrScheduler(group, d.BaseLr ?? initialLr, d.MaxLr, d.StepSizeUp, d.StepSizeDown, mode, d.Gamma);
    }
}

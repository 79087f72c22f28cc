using HyperSearch.Core.Configuration;
using HyperSearch.Core.Space;
using HyperSearch.Core.Validation;

namespace HyperSearch.Core.Schedules.Decays;

/// <summary>
/// <c>oneCycle</c>: PyTorch OneCycleLR over totalSteps (default: the run). It overrides the
/// optimizer's LR, so maxLr left out means initialLr (the searched LR is the peak).
/// </summary>
public sealed class OneCycleDecayDescriptor : DecayDescriptor
{
    public override string Type => DecayTypes.OneCycle;
    public override Type SpecType => typeof(OneCycleDecay);
    public override string TorchClass => "OneCycleLR";

    public override IReadOnlyList<DecayParameter> Parameters { get; } =
    [
        Float<OneCycleDecay>("maxLr", "max_lr", d => d.MaxLr, min: 0, minExclusive: true),
        Int<OneCycleDecay>("totalSteps", "total_steps", d => d.TotalSteps, n => FixedDistribution.Of(n), min: 1, required: true),
        Float<OneCycleDecay>("pctStart", "pct_start", d => d.PctStart, n => new FloatDistribution(0.1, 0.5), min: 0, max: 1),
        Choice<OneCycleDecay>("annealStrategy", "anneal_strategy", d => d.AnnealStrategy, ["cos", "linear"], n => CategoricalDistribution.Of("cos", "linear")),
        Float<OneCycleDecay>("divFactor", "div_factor", d => d.DivFactor, n => new FloatDistribution(5, 50, Log: true), min: 0, minExclusive: true),
        Float<OneCycleDecay>("finalDivFactor", "final_div_factor", d => d.FinalDivFactor, min: 0, minExclusive: true),
        Bool<OneCycleDecay>("threePhase", "three_phase", d => d.ThreePhase),
    ];

    protected override void ValidateTogether(DecaySpec spec, List<ValidationError> errors)
    {
        var d = (OneCycleDecay)spec;
        // PyTorch divides by the first phase's length, pctStart·totalSteps − 1, at step 0.
        if (d.PctStart * d.TotalSteps - 1 == 0)
            errors.Add(new("decay.pctStart", $"pctStart·totalSteps must not be exactly 1 (the warm-up phase would be empty); got {d.PctStart}·{d.TotalSteps}"));
    }

    internal override ISequentialLrScheduler CreateScheduler(ParamGroup group, DecaySpec spec, double initialLr)
    {
        var d = (OneCycleDecay)spec;
        return new OneCycleLrScheduler(group, d.MaxLr ?? initialLr, d.TotalSteps, d.PctStart, d.AnnealStrategy == "cos",
            d.DivFactor, d.FinalDivFactor, d.ThreePhase);
    }
}

using HyperSearch.Core.Configuration;
using HyperSearch.Core.Space;
using HyperSearch.Core.Validation;

namespace HyperSearch.Core.Schedules.Decays;

/// <summary>
/// <c>piecewise</c>: an explicit schedule, initialLr · factors[i] from milestones[i−1] on (PyTorch
/// <c>LambdaLR</c> with a piecewise-constant lambda). PBT exports its discovered schedules as this type.
/// </summary>
public sealed class PiecewiseDecayDescriptor : DecayDescriptor
{
    public override string Type => DecayTypes.Piecewise;
    public override Type SpecType => typeof(PiecewiseDecay);
    public override string TorchClass => "LambdaLR(lambda t: factors[bisect_right(milestones, t)])";

    public override IReadOnlyList<DecayParameter> Parameters { get; } =
    [
        IntList<PiecewiseDecay>("milestones", "milestones", d => d.Milestones, Milestones, min: 1),
        FloatList<PiecewiseDecay>("factors", "factors", d => d.Factors, n => FixedDistribution.Of(new[] { 1.0, 0.1, 0.01 }), min: 0),
    ];

    // The same default drops as multiStep: at half and three quarters of the run.
    private static Distribution Milestones(int n)
    {
        var first = Math.Max(1, n / 2);
        return FixedDistribution.Of(new[] { first, Math.Max(first + 1, 3 * n / 4) });
    }

    protected override void ValidateTogether(DecaySpec spec, List<ValidationError> errors)
    {
        var d = (PiecewiseDecay)spec;
        if (d.Milestones is { } m && d.Factors is { } f && f.Count != m.Count + 1)
        {
            errors.Add(new("decay.factors", $"must have one more entry than milestones ({m.Count + 1}); got {f.Count}"));
        }
    }

    internal override ISequentialLrScheduler CreateScheduler(ParamGroup group, DecaySpec spec, double initialLr)
    {
        var d = (PiecewiseDecay)spec;
        return new PiecewiseLrScheduler(group, d.Milestones, d.Factors);
    }
}

using HyperSearch.Core.Configuration;
using HyperSearch.Core.Space;

namespace HyperSearch.Core.Schedules.Decays;

/// <summary><c>polynomial</c>: (1 − t/totalIters)^power, reaching 0 at the end of the run by default.</summary>
public sealed class PolynomialDecayDescriptor : DecayDescriptor
{
    public override string Type => DecayTypes.Polynomial;
    public override Type SpecType => typeof(PolynomialDecay);
    public override string TorchClass => "PolynomialLR";

    public override IReadOnlyList<DecayParameter> Parameters { get; } =
    [
        Int<PolynomialDecay>("totalIters", "total_iters", d => d.TotalIters, n => FixedDistribution.Of(n), min: 1),
        Float<PolynomialDecay>("power", "power", d => d.Power, n => new FloatDistribution(0.5, 3), min: 0),
    ];

    internal override ISequentialLrScheduler CreateScheduler(ParamGroup group, DecaySpec spec, double initialLr)
    {
        var d = (PolynomialDecay)spec;
        return new PolynomialLrScheduler(group, d.TotalIters, d.Power);
    }
}

using System.Text.Json.Nodes;
using HyperSearch.Core.Space;

namespace HyperSearch.Core.Sampling;

/// <summary>
/// One dimension as the Parzen estimator models it: a categorical index, or a number on its internal
/// scale (logarithm for log ranges) within [Low, High], discrete with spacing Q when set (steps and
/// integers: Optuna's bounds widened by Q/2 and mass over [x − Q/2, x + Q/2]).
/// </summary>
internal sealed record TpeDimension(SpaceDimension Source, int Choices, double Low, double High, double? Q)
{
    public bool IsCategorical => Choices > 0;

    /// <summary>Null for dimensions with nothing to learn (fixed values, empty ranges).</summary>
    public static TpeDimension? Of(SpaceDimension dim) => dim.Distribution switch
    {
        CategoricalDistribution { Choices.Count: > 1 } c => new(dim, c.Choices.Count, 0, 0, null),
        FloatDistribution f when f.Low == f.High => null,
        FloatDistribution { Log: true } f => new(dim, 0, Math.Log(f.Low), Math.Log(f.High), null),
        FloatDistribution { Step: { } q } f => new(dim, 0, f.Low - q / 2, f.High + q / 2, q),
        FloatDistribution f => new(dim, 0, f.Low, f.High, null),
        IntDistribution i when i.Low == i.EffectiveHigh => null,
        IntDistribution { Log: true } i => new(dim, 0, Math.Log(i.Low - 0.5), Math.Log(i.High + 0.5), null),
        IntDistribution i => new(dim, 0, i.Low - i.Step / 2.0, i.EffectiveHigh + i.Step / 2.0, i.Step),
        _ => null,
    };

    /// <summary>The internal-scale value of a point's JSON value, or null when it does not fit.</summary>
    public double? Encode(JsonNode value)
    {
        if (Source.Distribution is CategoricalDistribution c)
        {
            var index = c.IndexOf(value);
            return index < 0 ? null : index;
        }
        if (SpaceValues.AsNumber(value) is not { } v)
        {
            return null;
        }
        var log = Source.Distribution is FloatDistribution { Log: true } or IntDistribution { Log: true };
        if (log && v <= 0)
        {
            return null;
        }
        return Math.Clamp(log ? Math.Log(v) : v, Low, High);
    }

    public JsonNode Decode(double x) => Source.Distribution switch
    {
        CategoricalDistribution c => c.Choices[(int)x].DeepClone(),
        FloatDistribution { Log: true } f => DistributionValues.Float(f, Math.Exp(x)),
        FloatDistribution f => DistributionValues.Float(f, x),
        IntDistribution { Log: true } i => DistributionValues.Int(i, Math.Exp(x)),
        IntDistribution i => DistributionValues.Int(i, x),
        _ => throw new InvalidOperationException("fixed dimensions are not modelled"),
    };
}

using System.Text.Json.Nodes;
using HyperSearch.Core.Space;

namespace HyperSearch.Core.Sampling;

/// <summary>
/// One parameter as the Parzen estimator models it, Optuna's <c>_calculate_parzen_bounds</c>: a
/// categorical index, or a number on its internal scale (logarithm for log ranges) within [Low, High],
/// discrete with spacing Q when set (steps and integers: bounds widened by Q/2, mass over
/// [x − Q/2, x + Q/2]). Log integers have no Q (Optuna rounds them but scores them as continuous).
/// </summary>
internal sealed record TpeDimension(SpaceDimension Source, int Choices, double Low, double High, double? Q)
{
    /// <summary>The path the decay type is observed under (the type is a parameter like any other).</summary>
    public const string DecayPath = "decay";

    public bool IsCategorical => Choices > 0;

    /// <summary>The decay type as a categorical parameter; null with one type (nothing to choose).</summary>
    public static TpeDimension? DecayType(SearchSpace space) =>
        Of(new SpaceDimension(DecayPath, "decay", "type", CategoricalDistribution.Of(space.Decay.Select(b => b.Type).ToArray()), null));

    /// <summary>Null for dimensions with nothing to learn (fixed values, empty ranges).</summary>
    public static TpeDimension? Of(SpaceDimension dim) => dim.Distribution switch
    {
        CategoricalDistribution { Choices.Count: > 1 } c => new(dim, c.Choices.Count, 0, 0, null),
        FloatDistribution f when f.Low == f.High => null,
        FloatDistribution { Log: true } f => new(dim, 0, Math.Log(f.Low), Math.Log(f.High), null),
        // Bounds around the grid's ends: the top is the last Low + k·q, as Optuna adjusts it.
        FloatDistribution { Step: { } q } f => new(dim, 0, f.Low - 0.5 * q, SpaceValues.AsNumber(DistributionValues.Float(f, f.High))!.Value + 0.5 * q, q),
        FloatDistribution f => new(dim, 0, f.Low, f.High, null),
        IntDistribution i when i.Low == i.EffectiveHigh => null,
        IntDistribution { Log: true } i => new(dim, 0, Math.Log(i.Low - 0.5), Math.Log(i.High + 0.5), null),
        IntDistribution i => new(dim, 0, i.Low - 0.5 * i.Step, i.EffectiveHigh + 0.5 * i.Step, i.Step),
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

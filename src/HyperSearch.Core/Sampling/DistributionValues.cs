using System.Text.Json.Nodes;
using HyperSearch.Core.Space;

namespace HyperSearch.Core.Sampling;

/// <summary>Uniform draws and grid points of single distributions, and snapping numbers onto them.</summary>
internal static class DistributionValues
{
    public static JsonNode Uniform(Distribution distribution, SeededRandom rng) =>
        distribution is FixedDistribution x ? x.Value.DeepClone() : AtQuantile(distribution, rng.NextDouble());

    /// <summary>
    /// The value at quantile <paramref name="u"/> ∈ [0, 1) of the distribution's uniform draw, so
    /// <c>Uniform</c> is <c>AtQuantile(NextDouble())</c> and a stratified design can pick its u.
    /// </summary>
    public static JsonNode AtQuantile(Distribution distribution, double u) => distribution switch
    {
        FloatDistribution { Log: true } f => Float(f, Math.Exp(Lerp(Math.Log(f.Low), Math.Log(f.High), u))),
        FloatDistribution { Step: { } step } f => Float(f, f.Low + Index(u, StepCount(f.Low, f.High, step) + 1) * step),
        FloatDistribution f => Float(f, Lerp(f.Low, f.High, u)),
        // Optuna's log-int draw: log-uniform over [low − ½, high + ½], then rounded.
        IntDistribution { Log: true } i => Int(i, Math.Exp(Lerp(Math.Log(i.Low - 0.5), Math.Log(i.High + 0.5), u))),
        IntDistribution i => JsonValue.Create(i.Low + Index(u, (i.EffectiveHigh - i.Low) / i.Step + 1) * i.Step),
        CategoricalDistribution c => c.Choices[Index(u, c.Choices.Count)].DeepClone(),
        FixedDistribution x => x.Value.DeepClone(),
        _ => throw new ArgumentOutOfRangeException(nameof(distribution)),
    };

    /// <summary>Which of n equal cells u falls in (as <c>SeededRandom.NextInt</c> computes it).</summary>
    private static int Index(double u, int n) => Math.Min((int)(u * n), n - 1);

    /// <summary>
    /// The grid values of a distribution: every choice, or <paramref name="points"/> evenly spaced
    /// numbers (log-spaced for log ranges) snapped to the step/integers, duplicates removed.
    /// </summary>
    public static IReadOnlyList<JsonNode> Grid(Distribution distribution, int points)
    {
        switch (distribution)
        {
            case CategoricalDistribution c:
                return c.Choices;
            case FixedDistribution x:
                return [x.Value];
            case FloatDistribution f:
                return Distinct(Spaced(f.Low, f.High, f.Log, points).Select(v => Float(f, v)));
            case IntDistribution i:
                return Distinct(Spaced(i.Low, i.High, i.Log, points).Select(v => Int(i, v)));
            default:
                throw new ArgumentOutOfRangeException(nameof(distribution));
        }
    }

    /// <summary>A number moved onto the distribution: clamped, and snapped to its step (floats) or integers.</summary>
    public static JsonNode Float(FloatDistribution f, double v)
    {
        if (f.Step is { } step)
        {
            v = f.Low + Math.Min(Math.Round((v - f.Low) / step), StepCount(f.Low, f.High, step)) * step;
            // Low + k·step in binary floating point drifts (0.1 + 2·0.1); 12 digits undo that.
            v = Math.Round(v, 12);
        }
        return JsonValue.Create(Math.Clamp(v, f.Low, f.High));
    }

    public static JsonNode Int(IntDistribution i, double v)
    {
        var k = Math.Round((v - i.Low) / i.Step);
        var value = i.Low + (int)Math.Clamp(k, 0, (i.EffectiveHigh - i.Low) / i.Step) * i.Step;
        return JsonValue.Create(value);
    }

    private static IEnumerable<double> Spaced(double low, double high, bool log, int points)
    {
        if (points <= 1 || low == high)
        {
            yield return log ? Math.Sqrt(low * high) : (low + high) / 2;
            yield break;
        }
        for (var k = 0; k < points; k++)
        {
            var t = (double)k / (points - 1);
            // The ends are the bounds themselves, not exp(log(bound)) with its rounding error.
            yield return k == 0 ? low
                : k == points - 1 ? high
                : log ? Math.Exp(Lerp(Math.Log(low), Math.Log(high), t)) : Lerp(low, high, t);
        }
    }

    // One pass with a set of the numbers seen (a grid value is always a number): comparing each value
    // with every kept one was O(n²) in the points per range.
    private static List<JsonNode> Distinct(IEnumerable<JsonNode> values)
    {
        var seen = new HashSet<double>();
        return [.. values.Where(v => seen.Add(SpaceValues.AsNumber(v) ?? throw new ArgumentException("a grid value must be a number")))];
    }

    private static int StepCount(double low, double high, double step) => (int)Math.Floor((high - low) / step + 1e-9);

    private static double Lerp(double a, double b, double t) => a + (b - a) * t;
}

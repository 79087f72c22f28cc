using HyperSearch.Training.LrFinder;

namespace HyperSearch.Training.Tests.LrFinder;

public sealed class LrSuggestionTests
{
    [Fact]
    public void From_SigmoidCurve_SteepestPointAndRange()
    {
        // Loss falls fastest at log10(lr) = -3, then blows up at the end.
        var points = Curve(200, x => 2 - Math.Tanh(2 * (x + 3)) + (x > 0.5 ? 10 * (x - 0.5) : 0));

        var (lr, low, high) = LrSuggestion.From(points);

        Assert.InRange(lr!.Value, 1e-3 / 1.15, 1e-3 * 1.15);
        Assert.Equal(lr / 10, low);
        Assert.Equal(lr * 3, high);
    }

    [Fact]
    public void From_MinimumCloseToSuggestion_CapsHighAtMinimum()
    {
        // Steepest at 1e-2 and the minimum at ≈ 1.5e-2: searching beyond the minimum is pointless.
        var points = Curve(200, x => x < -1.8 ? 2 - Math.Tanh(4 * (x + 2)) : 2 - Math.Tanh(0.8) + 20 * (x + 1.8));

        var (lr, _, high) = LrSuggestion.From(points);

        Assert.True(high < 3 * lr!.Value, $"high {high} vs lr {lr}");
        Assert.True(high >= lr);
    }

    [Fact]
    public void From_RisingCurve_NoSuggestion()
    {
        var (lr, low, high) = LrSuggestion.From(Curve(100, x => x + 10));

        Assert.Null(lr);
        Assert.Null(low);
        Assert.Null(high);
    }

    private static List<LrRangePoint> Curve(int count, Func<double, double> lossOfLog10Lr)
    {
        var points = new List<LrRangePoint>();
        for (var i = 0; i < count; i++)
        {
            var log10 = -7 + 8.0 * i / (count - 1);
            var loss = lossOfLog10Lr(log10);
            points.Add(new LrRangePoint(i, Math.Pow(10, log10), loss, loss));
        }

        return points;
    }
}

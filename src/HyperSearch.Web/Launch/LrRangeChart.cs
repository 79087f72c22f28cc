using System.Globalization;
using HyperSearch.Web.Components.Charts;

namespace HyperSearch.Web.Launch;

/// <summary>
/// The LR range test's loss-vs-LR chart: log LR axis, the loss clipped to 1.5× the starting loss (the
/// blow-up at the end would otherwise stretch the axis to 20 and flatten the dip) on an axis fitted
/// to what is left, and the suggested range shaded.
/// </summary>
public static class LrRangeChart
{
    /// <summary>Losses above this multiple of the first loss are left out (the divergence at the end).</summary>
    public const double ClipFactor = 1.5;

    /// <summary>The two significant digits the form fills in and the message shows.</summary>
    public static double Round(double lr) =>
        double.Parse(lr.ToString("G2", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    public static LineChartSpec Build(LrRangeSuggestion result, double low, double high)
    {
        var first = result.Curve.Select(p => p.Loss).FirstOrDefault(double.IsFinite);
        var limit = first > 0 ? first * ClipFactor : double.PositiveInfinity;
        var points = result.Curve.Select(p => ChartSeries.Point(p.Lr, p.Loss <= limit ? p.Loss : double.NaN)).ToList();
        return new LineChartSpec([new ChartSeries("range", "training loss", points)])
        {
            XName = "learning rate",
            LogX = true,
            YName = "training loss",
            Legend = false,
            MarkX = [low, high],
        };
    }
}

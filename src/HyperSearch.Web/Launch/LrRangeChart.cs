using System.Globalization;
using HyperSearch.Web.Components.Charts;

namespace HyperSearch.Web.Launch;

/// <summary>
/// The LR range test's loss-vs-LR chart: log LR axis, the loss on a log axis clipped to a few times
/// the starting loss (the blow-up at the end would otherwise flatten the dip), the suggested range shaded.
/// </summary>
public static class LrRangeChart
{
    /// <summary>Losses above this multiple of the first loss are left out (the divergence at the end).</summary>
    public const double ClipFactor = 4;

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
            LogY = true,
            Legend = false,
            MarkX = [low, high],
        };
    }
}

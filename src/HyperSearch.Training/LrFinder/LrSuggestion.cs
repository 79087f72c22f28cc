namespace HyperSearch.Training.LrFinder;

/// <summary>
/// Reads an LR range-test curve. The suggestion is the LR at the steepest negative slope of the
/// smoothed loss against log10(LR) (central differences, like fastai's <c>np.gradient</c>), ignoring
/// the first 10 % of points (EMA warm-up) and the last 5 (the blow-up). The range is
/// [suggestion / 10, min(3 × suggestion, LR of the lowest smoothed loss)], never below the suggestion.
/// </summary>
public static class LrSuggestion
{
    public const double RangeBelow = 10;
    public const double RangeAbove = 3;

    public static (double? Lr, double? Low, double? High) From(IReadOnlyList<LrRangePoint> points)
    {
        var skipStart = Math.Max(1, points.Count / 10);
        var end = points.Count - 5;
        var best = -1;
        var steepest = 0.0;
        for (var i = skipStart; i < end; i++)
        {
            var run = Math.Log10(points[i + 1].Lr) - Math.Log10(points[i - 1].Lr);
            var slope = (points[i + 1].SmoothedLoss - points[i - 1].SmoothedLoss) / run;
            if (double.IsFinite(slope) && slope < steepest)
            {
                steepest = slope;
                best = i;
            }
        }

        if (best < 0)
        {
            return (null, null, null);
        }

        var suggestion = points[best].Lr;
        var lowest = points.Where(p => double.IsFinite(p.SmoothedLoss)).MinBy(p => p.SmoothedLoss)!;
        var high = Math.Max(suggestion, Math.Min(RangeAbove * suggestion, lowest.Lr));
        return (suggestion, suggestion / RangeBelow, high);
    }
}

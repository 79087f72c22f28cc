using System.Globalization;
using HyperSearch.Core.Searches;
using HyperSearch.Web.Components.Charts;

namespace HyperSearch.Web.Charts;

/// <summary>
/// Turns stored epochs into chart series: validation loss solid, training loss dashed, one colour
/// per trial; values rounded to 5 significant digits so payloads stay small.
/// </summary>
public static class TrialCurves
{
    /// <summary>Total points a curve chart may carry (all trials together); the store thins each series.</summary>
    public const int PointBudget = 8000;

    public static int PointsPerTrial(int trials) => Math.Clamp(PointBudget / Math.Max(1, 2 * trials), 20, 500);

    public static string ValId(long trialId) => $"t{trialId}-val";
    public static string TrainId(long trialId) => $"t{trialId}-train";
    public static string LrId(long trialId) => $"t{trialId}-lr";

    public static List<ChartSeries> Losses(IReadOnlyList<(string Label, long TrialId, string Colour)> trials,
        IReadOnlyDictionary<long, IReadOnlyList<EpochPoint>> epochs)
    {
        var series = new List<ChartSeries>(trials.Count * 2);
        foreach (var (label, id, colour) in trials)
        {
            var points = epochs.TryGetValue(id, out var list) ? list : [];
            series.Add(new ChartSeries(ValId(id), label, [.. points.Select(p => Point(p.Epoch, p.ValLoss))]) { Color = colour });
            series.Add(new ChartSeries(TrainId(id), label + " train", [.. points.Select(p => Point(p.Epoch, p.TrainLoss))]) { Color = colour, Dashed = true, Width = 1 });
        }

        return series;
    }

    public static List<ChartSeries> LearningRates(IReadOnlyList<(string Label, long TrialId, string Colour)> trials,
        IReadOnlyDictionary<long, IReadOnlyList<EpochPoint>> epochs) =>
        [.. trials.Select(t => new ChartSeries(LrId(t.TrialId), t.Label,
            [.. (epochs.TryGetValue(t.TrialId, out var list) ? list : []).Select(p => Point(p.Epoch, p.Lr))]) { Color = t.Colour })];

    /// <summary>Live epochs of the shown trials as additions to the loss chart.</summary>
    public static List<ChartSeries> LossAdditions(IEnumerable<EpochPoint> epochs, IReadOnlySet<long> shown)
    {
        var additions = new List<ChartSeries>();
        foreach (var group in epochs.Where(e => shown.Contains(e.TrialId)).GroupBy(e => e.TrialId))
        {
            var ordered = group.OrderBy(e => e.Epoch).ToList();
            additions.Add(new ChartSeries(ValId(group.Key), "", [.. ordered.Select(p => Point(p.Epoch, p.ValLoss))]));
            additions.Add(new ChartSeries(TrainId(group.Key), "", [.. ordered.Select(p => Point(p.Epoch, p.TrainLoss))]));
        }

        return additions;
    }

    public static List<ChartSeries> LrAdditions(IEnumerable<EpochPoint> epochs, IReadOnlySet<long> shown) =>
        [.. epochs.Where(e => shown.Contains(e.TrialId)).GroupBy(e => e.TrialId)
            .Select(g => new ChartSeries(LrId(g.Key), "", [.. g.OrderBy(e => e.Epoch).Select(p => Point(p.Epoch, p.Lr))]))];

    public static double?[] Point(double x, double y) => [x, Round(y)];

    public static double? Round(double y) =>
        double.IsFinite(y) ? double.Parse(y.ToString("G5", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture) : null;
}

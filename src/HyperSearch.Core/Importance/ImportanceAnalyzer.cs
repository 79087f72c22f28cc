using HyperSearch.Core.Configuration;
using HyperSearch.Core.Sampling;
using HyperSearch.Core.Space;

namespace HyperSearch.Core.Importance;

/// <summary>
/// A functional-ANOVA-style importance without the random forest: for each parameter, the share of
/// the objective's variance explained by its main effect, estimated by grouping trials (decay type
/// and categorical choices by value, numbers into equal-count bins on their search scale) and
/// taking the between-group sum of squares, corrected for chance (ε² = (SS_between − (k − 1)·MS_within)
/// / SS_total, floored at 0) so a parameter with no effect scores ≈ 0 rather than (k − 1)/(n − 1).
/// Decay parameters are measured among their branch's trials and count against the total variance,
/// so a parameter of a rarely chosen branch cannot look dominant. Objectives are replaced by their
/// ranks first: one diverged trial would otherwise own the variance. What it cannot see: pure
/// interactions (a parameter that matters only jointly with another) — fANOVA's forest would
/// credit those to the pair; docs/search-space.md says more.
/// </summary>
public static class ImportanceAnalyzer
{
    /// <summary>Fewer trials than this and the estimate is noise; the report says so instead.</summary>
    public const int MinTrials = 8;
    private const int MaxBins = 8;

    /// <param name="trials">Finished trials: their config and objective (lower or higher is better: ranks do not care).</param>
    public static ImportanceReport Analyze(SearchSpace space, IReadOnlyList<(TrialConfig Config, double Value)> trials)
    {
        var points = trials
            .Where(t => double.IsFinite(t.Value))
            .Select(t => (Point: SpacePoint.FromConfig(space, t.Config), t.Value))
            .Where(t => t.Point is not null)
            .ToList();
        if (points.Count < MinTrials)
        {
            return new ImportanceReport(points.Count, [], $"needs at least {MinTrials} finished trials with a value; has {points.Count}");
        }
        var y = Ranks(points.Select(p => p.Value).ToArray());
        var mean = y.Average();
        var total = y.Sum(v => (v - mean) * (v - mean));
        var raw = new List<(string Name, double Explained, int Trials)>();
        if (space.Decay.Count > 1)
        {
            var groups = points.Select(p => (double)space.Decay.ToList().FindIndex(b => b.Type == p.Point!.DecayType)).ToArray();
            raw.Add(("decay", Explained(groups, y, Enumerable.Range(0, y.Length).ToArray(), total), y.Length));
        }
        foreach (var dim in AllDimensions(space))
        {
            if (TpeDimension.Of(dim) is not { } model)
            {
                continue;
            }
            var rows = new List<int>();
            var xs = new List<double>();
            for (var i = 0; i < points.Count; i++)
            {
                if (points[i].Point!.Values.TryGetValue(dim.Path, out var node) && model.Encode(node) is { } x)
                {
                    rows.Add(i);
                    xs.Add(x);
                }
            }
            if (rows.Count < 2)
            {
                continue;
            }
            var groups = model.IsCategorical ? xs.ToArray() : Bins(xs.ToArray());
            raw.Add((dim.Path, Explained(groups, y, rows.ToArray(), total), rows.Count));
        }
        var sum = raw.Sum(r => r.Explained);
        var result = raw
            .Select(r => new ParameterImportance(r.Name, sum > 0 ? r.Explained / sum : 0, r.Explained, r.Trials))
            .OrderByDescending(r => r.Importance).ThenBy(r => r.Parameter, StringComparer.Ordinal)
            .ToList();
        return new ImportanceReport(points.Count, result, null);
    }

    private static IEnumerable<SpaceDimension> AllDimensions(SearchSpace space) =>
        space.CommonDimensions.Concat(space.Decay.SelectMany(b => space.DimensionsOf(b.Type).Where(d => d.Branch == b.Type)));

    /// <summary>ε² of <paramref name="y"/>[rows] grouped by <paramref name="groups"/>, as a fraction of <paramref name="total"/>.</summary>
    private static double Explained(double[] groups, double[] y, int[] rows, double total)
    {
        if (total <= 0)
        {
            return 0;
        }
        var values = rows.Select(r => y[r]).ToArray();
        var mean = values.Average();
        var byGroup = values.Select((v, i) => (v, g: groups[i])).GroupBy(p => p.g).ToList();
        var k = byGroup.Count;
        var n = values.Length;
        if (k < 2 || n <= k)
        {
            return 0;
        }
        var between = byGroup.Sum(g => g.Count() * Math.Pow(g.Average(p => p.v) - mean, 2));
        var within = byGroup.Sum(g => { var m = g.Average(p => p.v); return g.Sum(p => (p.v - m) * (p.v - m)); });
        return Math.Max(0, between - (k - 1) * within / (n - k)) / total;
    }

    /// <summary>Equal-count bins (≈ 10 trials each, 2…8 bins) by rank of x; ties share a bin.</summary>
    private static double[] Bins(double[] xs)
    {
        var bins = Math.Clamp(xs.Length / 10, 2, MaxBins);
        var ranks = Ranks(xs);
        return ranks.Select(r => Math.Min(bins - 1, Math.Floor(r * bins / xs.Length))).ToArray();
    }

    /// <summary>Average ranks from 0 (ties share their mean rank).</summary>
    private static double[] Ranks(double[] values)
    {
        var order = Enumerable.Range(0, values.Length).OrderBy(i => values[i]).ToArray();
        var ranks = new double[values.Length];
        for (var start = 0; start < order.Length;)
        {
            var end = start;
            while (end + 1 < order.Length && values[order[end + 1]] == values[order[start]])
            {
                end++;
            }
            for (var k = start; k <= end; k++)
            {
                ranks[order[k]] = (start + end) / 2.0;
            }
            start = end + 1;
        }
        return ranks;
    }
}

using HyperSearch.Core.Diagnosis;

namespace DiagnosisBench;

/// <summary>
/// Runs the core's diagnosis on every curve as the dashboard does: stored on a finished trial with the
/// search's best validation loss as reference (Data's TrialDiagnosis), and live without one (the
/// Search page's CurveFactsCache). Prints a markdown table per mode and the red badges' precision.
/// </summary>
public static class PrecisionReport
{
    private static readonly CurveLabel[] Red = [CurveLabel.Diverged, CurveLabel.TooHigh, CurveLabel.LateTooHigh];

    public static void Print(IReadOnlyList<SweepCurve> curves)
    {
        var truth = SweepTruth.TooHigh(curves);
        var searchBest = curves.GroupBy(c => c.Search).ToDictionary(g => g.Key, g => g.Min(c => c.Best));
        Console.WriteLine($"{curves.Count} curves ({string.Join(", ", curves.GroupBy(c => c.Workload).Select(g => $"{g.Key} {g.Count()}"))}); " +
                          $"{truth.Count(t => t.Value)} too high by the rule");
        foreach (var withReference in new[] { true, false })
        {
            Console.WriteLine();
            Console.WriteLine(withReference ? "Stored diagnosis (reference: the search's best validation loss):" : "Live diagnosis (no reference):");
            Console.WriteLine("| label | badges | too high by the rule |");
            Console.WriteLine("|---|---|---|");
            var labelled = curves.Select(c => (Curve: c, Label: CurveDiagnoser.Diagnose(c.ValLoss, c.Lr,
                withReference && double.IsFinite(searchBest[c.Search]) ? searchBest[c.Search] : null).Label)).ToList();
            foreach (var group in labelled.GroupBy(l => l.Label).OrderBy(g => g.Key))
                Console.WriteLine($"| {group.Key} | {group.Count()} | {group.Count(l => truth[l.Curve.Key])} |");
            var red = labelled.Where(l => Red.Contains(l.Label)).ToList();
            var right = red.Count(l => truth[l.Curve.Key]);
            Console.WriteLine($"red badges: {red.Count}, right {right}: precision {(red.Count == 0 ? double.NaN : 100.0 * right / red.Count):F1} %; " +
                              $"recall {100.0 * right / Math.Max(1, truth.Count(t => t.Value)):F1} % of the too-high curves");
            foreach (var (curve, label) in red.Where(l => !truth[l.Curve.Key]))
                Console.WriteLine($"  wrong: {curve.Key} {label} [{string.Join(", ", curve.ValLoss.Select(v => v.ToString("G3")))}]");
        }
    }
}

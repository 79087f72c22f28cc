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

    public static void Print(IReadOnlyList<SweepCurve> all)
    {
        // Seeds 1-3 were looked at while the diagnosis was changed; seeds 4-6 (other LRs) were not.
        foreach (var (title, curves) in new[] { ("all seeds", all), ("seeds 1-3", Pick(all, 1, 3)), ("held-out seeds 4-6", Pick(all, 4, 6)) })
        {
            if (curves.Count == 0) continue;
            Console.WriteLine($"## {title}");
            Print(curves, verbose: title == "all seeds");
            Console.WriteLine();
        }
    }

    private static List<SweepCurve> Pick(IReadOnlyList<SweepCurve> curves, int from, int to) => [.. curves.Where(c => c.Seed >= from && c.Seed <= to)];

    private static void Print(IReadOnlyList<SweepCurve> curves, bool verbose)
    {
        var initial = SweepTruth.InitialTooHigh(curves);
        var late = SweepTruth.LateTooHigh(curves);
        bool Right(SweepCurve c, CurveLabel label) => label == CurveLabel.LateTooHigh ? late[c.Key] : initial[c.Key];
        var searchBest = curves.GroupBy(c => c.Search).ToDictionary(g => g.Key, g => g.Min(c => c.Best));
        Console.WriteLine($"{curves.Count} curves ({string.Join(", ", curves.GroupBy(c => c.Workload).Select(g => $"{g.Key} {g.Count()}"))}); " +
                          $"{initial.Count(t => t.Value)} with the initial LR too high by the rule");
        foreach (var withReference in new[] { true, false })
        {
            Console.WriteLine();
            Console.WriteLine(withReference ? "Stored diagnosis (reference: the search's best validation loss):" : "Live diagnosis (no reference):");
            Console.WriteLine("| label | badges | claim true by the rule |");
            Console.WriteLine("|---|---|---|");
            var labelled = curves.Select(c => (Curve: c, Label: CurveDiagnoser.Diagnose(c.ValLoss, c.Lr,
                withReference && double.IsFinite(searchBest[c.Search]) ? searchBest[c.Search] : null).Label)).ToList();
            foreach (var group in labelled.GroupBy(l => l.Label).OrderBy(g => g.Key))
                Console.WriteLine($"| {group.Key} | {group.Count()} | {group.Count(l => Right(l.Curve, l.Label))} |");
            var red = labelled.Where(l => Red.Contains(l.Label)).ToList();
            var right = red.Count(l => Right(l.Curve, l.Label));
            Console.WriteLine($"red badges: {red.Count}, right {right}: precision {(red.Count == 0 ? double.NaN : 100.0 * right / red.Count):F1} %; " +
                              $"red on {red.Count(l => initial[l.Curve.Key])} of the {initial.Count(t => t.Value)} curves whose initial LR was too high");
            foreach (var (curve, label) in red.Where(l => verbose && !Right(l.Curve, l.Label)))
                Console.WriteLine($"  wrong: {curve.Key} {label} [{string.Join(", ", curve.ValLoss.Select(v => v.ToString("G3")))}]");
        }
    }
}

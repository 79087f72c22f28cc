namespace DiagnosisBench;

/// <summary>
/// The written rules that say whether a red badge's claim was true, from the sweep alone (never from
/// the curve's shape, which is what the diagnosis reads). A curve is <b>materially worse</b> than
/// another when it diverged or its best validation loss is at least 10 % (of the other's magnitude)
/// above the other's best.
/// <list type="bullet">
/// <item><b>Initial LR too high</b> (what "diverged" and "LR too high" claim: a lower LR would have
/// done better): within its group (same workload, decay and seed; only the LR differs) the curve's
/// LR is above the group's best LR and the curve is materially worse than the best.</item>
/// <item><b>Late LR too high</b> (what "LR too high late on" claims: decaying the LR further would
/// have done better): the same workload, seed and initial LR under a schedule that ends lower
/// (constant → step → cosine, which ends at 0) is materially better — or the initial LR is too high.</item>
/// </list>
/// </summary>
public static class SweepTruth
{
    public const double MateriallyWorse = 0.10;

    // Final LR of each schedule relative to the initial LR at 15 epochs: 1, 0.25 (step 5, γ 0.5), 0.
    private static readonly string[] ByFinalLr = ["constant", "step", "cosine"];

    public static Dictionary<string, bool> InitialTooHigh(IReadOnlyList<SweepCurve> curves)
    {
        var truth = new Dictionary<string, bool>();
        foreach (var group in curves.GroupBy(c => c.Group))
        {
            var best = group.MinBy(c => c.Best)!;
            foreach (var curve in group) truth[curve.Key] = curve.Lr > best.Lr && Worse(curve, best);
        }

        return truth;
    }

    public static Dictionary<string, bool> LateTooHigh(IReadOnlyList<SweepCurve> curves)
    {
        var initial = InitialTooHigh(curves);
        var truth = new Dictionary<string, bool>();
        foreach (var curve in curves)
        {
            var lower = curves.Where(c => c.Workload == curve.Workload && c.Seed == curve.Seed && c.Lr == curve.Lr
                                          && Array.IndexOf(ByFinalLr, c.Decay) > Array.IndexOf(ByFinalLr, curve.Decay));
            truth[curve.Key] = initial[curve.Key] || lower.Any(c => Worse(curve, c));
        }

        return truth;
    }

    private static bool Worse(SweepCurve curve, SweepCurve than) =>
        curve.Diverged || curve.Best - than.Best >= MateriallyWorse * Math.Abs(than.Best);
}

namespace DiagnosisBench;

/// <summary>
/// The written rule that says whether a curve's LR really was too high, from the sweep alone (never
/// from the curve's shape, which is what the diagnosis reads): within its group (same workload, decay
/// and seed; only the LR differs), a curve's LR is too high when it is above the group's best LR
/// (the one with the lowest best validation loss) and its best validation loss is materially worse:
/// diverged, or at least 10 % (of the best's magnitude) above the group's best. A red badge claims
/// exactly this: "a lower LR would have done better".
/// </summary>
public static class SweepTruth
{
    public const double MateriallyWorse = 0.10;

    public static Dictionary<string, bool> TooHigh(IReadOnlyList<SweepCurve> curves)
    {
        var truth = new Dictionary<string, bool>();
        foreach (var group in curves.GroupBy(c => c.Group))
        {
            var best = group.MinBy(c => c.Best)!;
            foreach (var curve in group)
            {
                var worse = curve.Diverged || curve.Best - best.Best >= MateriallyWorse * Math.Abs(best.Best);
                truth[curve.Key] = curve.Lr > best.Lr && worse;
            }
        }

        return truth;
    }
}

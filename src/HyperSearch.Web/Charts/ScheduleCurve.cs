using HyperSearch.Core.Configuration;
using HyperSearch.Core.Schedules;

namespace HyperSearch.Web.Charts;

/// <summary>
/// The LR a trial config gives at each step, for previews: the core's schedule fed a synthetic
/// validation loss, since a preview has no real one.
/// </summary>
public static class ScheduleCurve
{
    public static double[] Compute(TrialConfig config, int steps) =>
        LrSchedulePreview.Compute(config, steps, [.. Enumerable.Range(0, Math.Max(0, steps - 1)).Select(SyntheticValidationLoss)]);

    // Improves for a third of the run, then stalls: enough to show what reduceOnPlateau does.
    private static double SyntheticValidationLoss(int step) => 1.0 / (1 + Math.Min(step, 30));
}

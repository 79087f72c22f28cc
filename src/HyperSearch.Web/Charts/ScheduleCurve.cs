using HyperSearch.Core.Configuration;
using HyperSearch.Core.Schedules;

namespace HyperSearch.Web.Charts;

/// <summary>The LR a trial config gives at each step, from the core's PyTorch-equivalent schedulers.</summary>
public static class ScheduleCurve
{
    public static double[] Compute(TrialConfig config, int steps)
    {
        var scheduler = LrSchedulerFactory.Create(config);
        var lrs = new double[steps];
        for (var step = 0; step < steps; step++)
        {
            lrs[step] = scheduler.CurrentLr;
            scheduler.Step(SyntheticValidationLoss(step));
        }

        return lrs;
    }

    // Improves for a third of the run, then stalls: enough to show what reduceOnPlateau does.
    private static double SyntheticValidationLoss(int step) => 1.0 / (1 + Math.Min(step, 30));
}

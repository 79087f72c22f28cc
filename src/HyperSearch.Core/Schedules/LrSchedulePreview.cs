using HyperSearch.Core.Configuration;

namespace HyperSearch.Core.Schedules;

/// <summary>The first N learning rates of a trial config, for the CLI and the launch form's preview.</summary>
public static class LrSchedulePreview
{
    /// <param name="metrics">
    /// Validation metrics, metrics[t] being the one passed to the step after step t; reduceOnPlateau
    /// needs at least steps − 1 of them, other decays ignore them.
    /// </param>
    public static double[] Compute(TrialConfig config, int steps, IReadOnlyList<double>? metrics = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(steps);
        var needsMetrics = config.Decay is ReduceOnPlateauDecay;
        if (needsMetrics && steps > 1 && (metrics is null || metrics.Count < steps - 1))
        {
            throw new ArgumentException(
                $"reduceOnPlateau needs {steps - 1} metrics for {steps} steps, got {metrics?.Count ?? 0}", nameof(metrics));
        }

        var scheduler = LrSchedulerFactory.Create(config);
        var lrs = new double[steps];
        for (var t = 0; t < steps; t++)
        {
            lrs[t] = scheduler.CurrentLr;
            if (t + 1 < steps)
            {
                scheduler.Step(needsMetrics ? metrics![t] : null);
            }
        }

        return lrs;
    }
}

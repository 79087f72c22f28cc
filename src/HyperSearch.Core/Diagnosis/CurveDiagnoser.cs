using System.Globalization;
using HyperSearch.Core.Configuration;
using HyperSearch.Core.Training;

namespace HyperSearch.Core.Diagnosis;

/// <summary>
/// Labels a trial's per-epoch loss curve (finished or still running) the way one reads LR curves
/// by eye: diverged, LR too high (early rise or oscillation), late LR too high (fast drop, then a
/// flat noisy plateau far above the search's best), LR too low (slow steady decline), or healthy.
/// The hint names a concrete LR computed from the trial's initial LR.
/// </summary>
public static class CurveDiagnoser
{
    /// <summary>Below this many finite points a curve is <see cref="CurveLabel.Unknown"/>.</summary>
    public const int MinPoints = 5;

    // A loss this many times its starting value is an explosion, not noise.
    private const double ExplosionFactor = 4;
    // Early rise: the head's peak exceeds the first loss by 10%.
    private const double EarlyRiseFactor = 1.1;
    // Early oscillation: the head climbs back at least half of what it falls.
    private const double OscillationRatio = 0.5;
    // Late too high: ≥ 60% of the progress happens in the head, the tail falls < 10% as fast,
    // its path is ≥ 3× its net change (noise), and its mean is ≥ 20% above the best trial.
    private const double FastHeadShare = 0.6;
    private const double FlatTailSlopeRatio = 0.1;
    private const double NoisyTailWiggle = 3;
    private const double FarAboveBest = 0.2;
    // Too low: ≥ 80% of epochs improve and the tail still falls ≥ 40% as fast as the head,
    // or the whole curve moved < 2%.
    private const double SteadyDownFraction = 0.8;
    // A curve whose best is within 10% of the search's best is among the best: its LR is not "too
    // high", whatever a spike on the way looked like. The winner of a search used to carry a red
    // badge for one spike at epoch 4 (docs/benchmarks.md, "Diagnosis precision").
    private const double NearBest = 0.1;
    private const double SteadyTailSlopeRatio = 0.4;
    private const double BarelyMoved = 0.02;

    /// <summary>Diagnoses a trial's validation-loss curve as reported by the trainer.</summary>
    public static CurveDiagnosis Diagnose(IReadOnlyList<EpochReport> epochs, TrialConfig config, double? referenceBestLoss = null)
    {
        ArgumentNullException.ThrowIfNull(epochs);
        ArgumentNullException.ThrowIfNull(config);
        return Diagnose(epochs.OrderBy(e => e.Epoch).Select(e => e.ValLoss).ToList(), config.InitialLr, referenceBestLoss);
    }

    /// <param name="losses">Per-epoch loss (validation loss preferred), epoch 1 first; NaN/±Inf allowed.</param>
    /// <param name="initialLr">The trial's initial LR, which the hint scales.</param>
    /// <param name="referenceBestLoss">The best loss of the search's trials, if known; needed for LateTooHigh.</param>
    public static CurveDiagnosis Diagnose(IReadOnlyList<double> losses, double initialLr, double? referenceBestLoss = null)
    {
        ArgumentNullException.ThrowIfNull(losses);
        if (!(double.IsFinite(initialLr) && initialLr > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(initialLr), initialLr, "must be a finite number > 0");
        }

        for (var i = 0; i < losses.Count; i++)
        {
            if (!double.IsFinite(losses[i]))
            {
                return new(CurveLabel.Diverged,
                    $"loss became {Show(losses[i])} at epoch {i + 1}: initial LR is likely far too high: try ≤ {RoundDown(initialLr / 10)}");
            }
        }

        if (losses.Count < MinPoints)
        {
            return new(CurveLabel.Unknown, $"only {losses.Count} epoch(s) so far: need at least {MinPoints} to diagnose");
        }

        var first = losses[0];
        var shape = CurveShape.Of(losses);
        var nearBest = referenceBestLoss is { } reference && double.IsFinite(reference) && shape.Min - reference <= NearBest * Math.Abs(reference);
        // An explosion lasts more than one epoch (the smoothed curve): a single wild value that the
        // next epoch undoes is a spike, read like any other by the rules below.
        for (var i = 1; i < losses.Count && !nearBest; i++)
        {
            if (shape.Smoothed[i] > first && shape.Smoothed[i] > ExplosionFactor * Math.Abs(first))
            {
                return new(CurveLabel.Diverged,
                    $"loss exploded to {Show(losses[i])} ({losses[i] / first:0.#}× epoch 1) at epoch {i + 1}: initial LR is likely far too high: try ≤ {RoundDown(initialLr / 10)}");
            }
        }

        // "Ends the head at or above epoch 1" only counts when the head went up at all: a perfectly
        // flat curve has not risen, it has barely moved (too low, below).
        var rose = shape.HeadMax > EarlyRiseFactor * shape.First || (shape.HeadEnd >= shape.First && shape.HeadMax > shape.First);
        if (rose && !nearBest)
        {
            return new(CurveLabel.TooHigh,
                $"loss rises early (peak {Show(shape.HeadPeak)} vs {Show(shape.First)} at epoch 1): initial LR is likely too high: try ≤ {RoundDown(initialLr / 3)}");
        }

        if (shape.HeadUpDownRatio >= OscillationRatio && !nearBest)
        {
            return new(CurveLabel.TooHigh,
                $"loss oscillates early (climbs back {Percent(Math.Min(shape.HeadUpDownRatio, 9.99))} of its falls): initial LR is likely too high: try ≤ {RoundDown(initialLr / 3)}");
        }

        var progress = shape.First - shape.Min;
        if (nearBest)
        {
            // Among the best of its search: never an alarm; a bumpy start is worth a word, not a red badge.
            var bumpy = rose || shape.HeadUpDownRatio >= OscillationRatio || shape.Smoothed.Skip(1).Any(l => l > first && l > ExplosionFactor * Math.Abs(first));
            return new(CurveLabel.Healthy,
                $"loss reached {Show(shape.Min)}, within {Percent(NearBest)} of the search's best ({Show(referenceBestLoss!.Value)})" +
                (bumpy ? $": LR {Show(initialLr)} works, though the loss was unsteady early (a lower LR may train more smoothly)" : $": LR {Show(initialLr)} looks right"));
        }

        if (referenceBestLoss is { } best && double.IsFinite(best) && IsLateTooHigh(shape, progress, best))
        {
            return new(CurveLabel.LateTooHigh,
                $"loss plateaus near {Show(shape.TailMean)}, {Percent((shape.TailMean - best) / Math.Abs(best))} above the best trial ({Show(best)}): the late LR is too high — decay it to ≤ {RoundDown(initialLr / 10)} by the end");
        }

        if (progress < BarelyMoved * Math.Abs(shape.First))
        {
            return new(CurveLabel.TooLow,
                $"loss barely moved ({Percent(progress / Math.Abs(shape.First), "0.0")} in {losses.Count} epochs): initial LR is likely too low: try ≥ {RoundUp(initialLr * 10)}");
        }

        if (shape.DownFraction >= SteadyDownFraction && shape.HeadSlope > 0
            && shape.TailSlope >= SteadyTailSlopeRatio * shape.HeadSlope)
        {
            return new(CurveLabel.TooLow,
                $"loss still falls steadily ({Show(shape.TailSlope)}/epoch at the end, {Show(shape.HeadSlope)}/epoch at the start): initial LR is likely too low: try ≥ {RoundUp(initialLr * 3)}");
        }

        return new(CurveLabel.Healthy,
            $"loss fell {Percent(progress / Math.Abs(shape.First))} (from {Show(shape.First)} to {Show(shape.Min)}) and levels off: LR {Show(initialLr)} looks right");
    }

    private static bool IsLateTooHigh(CurveShape shape, double progress, double best) =>
        progress > 0
        && shape.First - shape.HeadEnd >= FastHeadShare * progress
        // Flat, not rising: a tail that climbs away from an earlier minimum is overfitting, not the LR.
        && Math.Abs(shape.TailSlope) <= FlatTailSlopeRatio * shape.HeadSlope
        && shape.TailWiggle >= NoisyTailWiggle
        && shape.TailMean - best >= FarAboveBest * Math.Abs(best);

    private static string Show(double value) => value.ToString("G3", CultureInfo.InvariantCulture);

    private static string Percent(double fraction, string format = "0") =>
        (fraction * 100).ToString(format, CultureInfo.InvariantCulture) + "%";

    /// <summary>One significant digit, rounded down (a safe upper bound to try).</summary>
    private static string RoundDown(double value) => OneDigit(value, Math.Floor);

    /// <summary>One significant digit, rounded up (a lower bound to try).</summary>
    private static string RoundUp(double value) => OneDigit(value, Math.Ceiling);

    private static string OneDigit(double value, Func<double, double> round)
    {
        var scale = Math.Pow(10, Math.Floor(Math.Log10(value)));
        // Guard against 0.3/0.1 = 2.9999999999999996 flooring to 2.
        var digit = round(Math.Round(value / scale, 9));
        return (digit * scale).ToString("G15", CultureInfo.InvariantCulture);
    }
}

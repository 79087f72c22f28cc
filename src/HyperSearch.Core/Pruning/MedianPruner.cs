using HyperSearch.Core.Sampling;
using HyperSearch.Core.Trials;

namespace HyperSearch.Core.Pruning;

/// <summary>
/// Optuna's MedianPruner: at step s, prune when the trial's best value so far is worse than the
/// median of the completed trials' values at s. Nothing is pruned until
/// <see cref="StartupTrials"/> trials have completed, nor during the first
/// <see cref="WarmupSteps"/> steps (steps count from 1). A trial whose values are all NaN is pruned.
/// </summary>
public sealed class MedianPruner(int startupTrials = 5, int warmupSteps = 0) : IPruner
{
    public int StartupTrials { get; } = startupTrials >= 0 ? startupTrials : throw new ArgumentOutOfRangeException(nameof(startupTrials));

    public int WarmupSteps { get; } = warmupSteps >= 0 ? warmupSteps : throw new ArgumentOutOfRangeException(nameof(warmupSteps));

    public bool ShouldPrune(int step, TrialCurve current, IReadOnlyList<TrialCurve> others, ObjectiveDirection direction)
    {
        var completed = others.Where(o => o.State == TrialState.Completed && o.Number != current.Number).ToList();
        if (step <= WarmupSteps || completed.Count < StartupTrials || step < 1 || current.Values.Count < step)
        {
            return false;
        }
        var seen = current.Values.Take(step).Where(v => !double.IsNaN(v)).ToList();
        if (seen.Count == 0)
        {
            return true;
        }
        var best = direction == ObjectiveDirection.Minimize ? seen.Min() : seen.Max();
        var atStep = completed.Where(o => o.Values.Count >= step).Select(o => o.Values[step - 1])
            .Where(v => !double.IsNaN(v)).Order().ToList();
        if (atStep.Count == 0)
        {
            return false;
        }
        var median = atStep.Count % 2 == 1
            ? atStep[atStep.Count / 2]
            : (atStep[atStep.Count / 2 - 1] + atStep[atStep.Count / 2]) / 2;
        return direction == ObjectiveDirection.Minimize ? best > median : best < median;
    }
}

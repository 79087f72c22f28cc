using HyperSearch.Core.Sampling;
using HyperSearch.Core.Trials;

namespace HyperSearch.Core.Pruning;

/// <summary>
/// Asynchronous successive halving (Li et al., 2020; Optuna's SuccessiveHalvingPruner): rungs sit
/// at steps r·η^k (r = <see cref="MinResource"/>, η = <see cref="ReductionFactor"/>). When a trial
/// reaches a rung it continues only if its value there is in the top 1/η of the values every trial
/// that reached the rung had there (itself included); while fewer than η trials have reached the
/// rung, only the best one continues. Between rungs nothing is pruned, so the pruner must be asked
/// at every step. NaN at a rung counts as the worst value.
/// </summary>
public sealed class AshaPruner(int reductionFactor = 3, int minResource = 1) : IPruner
{
    public int ReductionFactor { get; } = reductionFactor >= 2 ? reductionFactor : throw new ArgumentOutOfRangeException(nameof(reductionFactor), "must be ≥ 2");

    public int MinResource { get; } = minResource >= 1 ? minResource : throw new ArgumentOutOfRangeException(nameof(minResource), "must be ≥ 1");

    /// <summary>Whether <paramref name="step"/> is a rung r·η^k.</summary>
    public bool IsRung(int step)
    {
        for (long rung = MinResource; rung <= step; rung *= ReductionFactor)
        {
            if (rung == step)
            {
                return true;
            }
        }
        return false;
    }

    public bool ShouldPrune(int step, TrialCurve current, IReadOnlyList<TrialCurve> others, ObjectiveDirection direction)
    {
        if (!IsRung(step) || current.Values.Count < step)
        {
            return false;
        }
        // Lower is better inside: maximised values are negated, NaN becomes the worst.
        double Score(double v) => double.IsNaN(v) ? double.PositiveInfinity : direction == ObjectiveDirection.Minimize ? v : -v;
        var value = Score(current.Values[step - 1]);
        var competing = others
            .Where(o => o.Number != current.Number && o.State is not (TrialState.Failed or TrialState.Cancelled) && o.Values.Count >= step)
            .Select(o => Score(o.Values[step - 1]))
            .Append(value)
            .Order()
            .ToList();
        var promotable = Math.Max(competing.Count / ReductionFactor - 1, 0);
        return !(value <= competing[promotable]) || double.IsPositiveInfinity(value);
    }
}

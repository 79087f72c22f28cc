using HyperSearch.Core.Sampling;

namespace HyperSearch.Core.Pruning;

/// <summary>Decides after each step whether a running trial should stop (Optuna's pruner shape).</summary>
public interface IPruner
{
    /// <param name="current">The running trial, values up to and including <paramref name="step"/>.</param>
    /// <param name="others">The other trials of the search (any state).</param>
    bool ShouldPrune(int step, TrialCurve current, IReadOnlyList<TrialCurve> others, ObjectiveDirection direction);
}

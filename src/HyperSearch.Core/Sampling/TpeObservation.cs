using System.Text.Json.Nodes;
using HyperSearch.Core.Space;
using HyperSearch.Core.Trials;

namespace HyperSearch.Core.Sampling;

/// <summary>
/// A past trial as Optuna 3.1's <c>_get_observation_pairs</c> scores it, ranked by (<see cref="Step"/>,
/// <see cref="Loss"/>), smaller first: completed trials have step −∞ and their value (turned into
/// "lower is better"; a diverged trial is a completed one with value +∞); a pruned trial has −(its last
/// step) and its value there (+∞ if NaN), or (1, 0) with no step reported, so a trial pruned later ranks
/// above one pruned earlier whatever their values; a pending (queued or running) trial has (+∞, +∞): the
/// constant liar, worse than everything, and not counted in n. Failed and cancelled trials, and
/// completed ones without a finite-or-infinite value, are not observations (in Optuna a NaN result
/// fails the trial). <see cref="Values"/> holds the parameters the trial has, the decay type under
/// <see cref="TpeDimension.DecayPath"/>: an estimator sees a trial only if it has the parameter.
/// </summary>
internal sealed record TpeObservation(int Number, IReadOnlyDictionary<string, JsonNode> Values, double Step, double Loss)
{
    public bool IsFinished => Step < double.PositiveInfinity;

    public static List<TpeObservation> From(SearchSpace space, IReadOnlyList<TrialSnapshot> history, ObjectiveDirection direction)
    {
        var sign = direction == ObjectiveDirection.Minimize ? 1.0 : -1.0;
        var result = new List<TpeObservation>();
        foreach (var trial in history.OrderBy(t => t.Number))
        {
            if (Score(trial, sign) is not var (step, loss) || SpacePoint.FromConfig(space, trial.Config) is not { } point)
            {
                continue;
            }
            var values = new Dictionary<string, JsonNode>(point.Values) { [TpeDimension.DecayPath] = JsonValue.Create(point.DecayType) };
            result.Add(new TpeObservation(trial.Number, values, step, loss));
        }
        return result;
    }

    private static (double Step, double Loss)? Score(TrialSnapshot trial, double sign) => trial.State switch
    {
        TrialState.Completed when trial.Value is { } v && !double.IsNaN(v) => (double.NegativeInfinity, sign * v),
        TrialState.Diverged => (double.NegativeInfinity, double.PositiveInfinity),
        TrialState.Pruned when trial.Value is { } v => (-(trial.Step ?? 0), double.IsNaN(v) ? double.PositiveInfinity : sign * v),
        TrialState.Pruned => (1, 0),
        TrialState.Queued or TrialState.Running => (double.PositiveInfinity, double.PositiveInfinity),
        _ => null,
    };
}

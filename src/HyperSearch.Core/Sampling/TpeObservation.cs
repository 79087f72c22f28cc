using HyperSearch.Core.Space;
using HyperSearch.Core.Trials;

namespace HyperSearch.Core.Sampling;

/// <summary>
/// A past trial as TPE ranks it: by <see cref="Tier"/> first, then <see cref="Loss"/> (the
/// objective turned into "lower is better"). Tiers: 0 completed; 1 pruned (ranked by its last
/// value); 2 diverged or a non-finite result (worst of the finished); 3 queued/running — the
/// constant liar, assumed worse than anything seen, so parallel slots spread out.
/// Failed and cancelled trials are not observations: their failure says nothing about the config.
/// </summary>
internal sealed record TpeObservation(int Number, SpacePoint Point, int Tier, double Loss)
{
    public bool IsFinished => Tier < 3;

    public static List<TpeObservation> From(SearchSpace space, IReadOnlyList<TrialSnapshot> history, ObjectiveDirection direction)
    {
        var result = new List<TpeObservation>();
        foreach (var trial in history.OrderBy(t => t.Number))
        {
            var tier = TierOf(trial);
            if (tier is null || SpacePoint.FromConfig(space, trial.Config) is not { } point)
            {
                continue;
            }
            var loss = trial.Value is { } v && double.IsFinite(v)
                ? direction == ObjectiveDirection.Minimize ? v : -v
                : double.PositiveInfinity;
            result.Add(new TpeObservation(trial.Number, point, tier.Value, loss));
        }
        return result;
    }

    private static int? TierOf(TrialSnapshot trial) => trial.State switch
    {
        TrialState.Completed when trial.Value is { } v && double.IsFinite(v) => 0,
        TrialState.Completed or TrialState.Diverged => 2,
        TrialState.Pruned => 1,
        TrialState.Queued or TrialState.Running => 3,
        _ => null,
    };
}

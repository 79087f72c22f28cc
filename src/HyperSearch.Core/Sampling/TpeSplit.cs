using System.Text.Json.Nodes;

namespace HyperSearch.Core.Sampling;

/// <summary>
/// Optuna 3.1's good/bad split (<c>_split_observation_pairs</c>): every observation ranked by (step,
/// loss), ties in trial order; the best γ(n) = min(⌈0.1·n⌉, 25) are good, with n the finished trials
/// (pending ones are ranked, last, but not counted). Each parameter's estimators are then fitted on the
/// good and the bad trials that have that parameter (Optuna masks the others out after the split), so
/// a branch's parameters are good only where the branch's trials were among the best of all trials.
/// </summary>
internal sealed class TpeSplit
{
    private const int Candidates = 24;

    public TpeSplit(IReadOnlyList<TpeObservation> observations)
    {
        Finished = observations.Count(o => o.IsFinished);
        var ranked = observations.OrderBy(o => o.Step).ThenBy(o => o.Loss).ToList();
        var good = Gamma(Finished);
        Below = ranked.Take(good).OrderBy(o => o.Number).ToList();
        Above = ranked.Skip(good).OrderBy(o => o.Number).ToList();
    }

    /// <summary>n: completed, diverged and pruned trials.</summary>
    public int Finished { get; }

    public IReadOnlyList<TpeObservation> Below { get; }

    public IReadOnlyList<TpeObservation> Above { get; }

    /// <summary>Optuna's <c>default_gamma</c>.</summary>
    public static int Gamma(int n) => Math.Min((int)Math.Ceiling(0.1 * n), 25);

    /// <summary>l(x) and g(x) of one parameter.</summary>
    public (ParzenEstimator Below, ParzenEstimator Above) Estimators(TpeDimension dim) =>
        (new ParzenEstimator(dim, Observed(Below, dim)), new ParzenEstimator(dim, Observed(Above, dim)));

    /// <summary>Optuna's <c>sample_independent</c>: 24 candidates from l, the one with the largest log l − log g.</summary>
    public JsonNode Suggest(TpeDimension dim, SeededRandom rng)
    {
        var (l, g) = Estimators(dim);
        var best = 0.0;
        var bestScore = double.NegativeInfinity;
        for (var c = 0; c < Candidates; c++)
        {
            // Scored as the value the space can hold (steps, integers), as Optuna does.
            var candidate = dim.Encode(dim.Decode(l.Sample(rng))) ?? 0;
            var score = l.LogPdf(candidate) - g.LogPdf(candidate);
            if (c == 0 || score > bestScore)
            {
                (best, bestScore) = (candidate, score);
            }
        }
        return dim.Decode(best);
    }

    private static List<double> Observed(IEnumerable<TpeObservation> observations, TpeDimension dim) =>
        observations.Select(o => o.Values.TryGetValue(dim.Source.Path, out var v) ? dim.Encode(v) : null).OfType<double>().ToList();
}

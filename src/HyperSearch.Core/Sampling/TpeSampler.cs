using System.Text.Json.Nodes;
using HyperSearch.Core.Configuration;
using HyperSearch.Core.Space;

namespace HyperSearch.Core.Sampling;

/// <summary>
/// Tree-structured Parzen Estimator. After <see cref="TpeOptions.StartupTrials"/> random trials it
/// ranks the history, splits it into a good set (the best γ(n)) and a bad set, and for each decision
/// draws candidates from the good density l(x), keeping the one with the largest l(x)/g(x):
/// first the decay type (categorical estimator over all trials), then, by default, each parameter
/// on its own as Optuna's default TPE does — shared ones (initialLr, optimizer, …) from every trial,
/// a branch's own ones only from that branch's trials, so step's gamma never learns from cosine
/// trials while the LR learns from all. <see cref="TpeOptions.Multivariate"/> models a branch's
/// parameters jointly instead (from that branch's trials only); docs/search-space.md and
/// docs/benchmarks.md say why that is no longer the default.
/// </summary>
public sealed class TpeSampler(TpeOptions? options = null) : ISampler
{
    private const ulong Salt = 0x7E9E5A17;

    public TpeOptions Options { get; } = options ?? TpeOptions.Default;

    public TrialConfig? Sample(SearchSpace space, IReadOnlyList<TrialSnapshot> history, SamplingContext context) =>
        SamplePoint(space, history, context).ToConfig(space);

    internal SpacePoint SamplePoint(SearchSpace space, IReadOnlyList<TrialSnapshot> history, SamplingContext context)
    {
        var observations = TpeObservation.From(space, history, context.Direction);
        if (observations.Count(o => o.IsFinished) < Math.Max(Options.StartupTrials, 1))
        {
            // Identical to the random sampler's draw, so a TPE search starts exactly like a random one.
            return RandomSampler.SamplePoint(space, new SeededRandom(context.Seed, context.TrialNumber));
        }
        var rng = new SeededRandom(context.Seed, context.TrialNumber, Salt);
        var decayType = ChooseDecayType(space, observations, rng);
        var inBranch = observations.Where(o => o.Point.DecayType == decayType).ToList();
        var modelBranch = inBranch.Count(o => o.IsFinished) >= Options.MinBranchTrials;
        var dims = (modelBranch ? space.DimensionsOf(decayType) : space.CommonDimensions)
            .Select(TpeDimension.Of).OfType<TpeDimension>().ToList();

        var values = new Dictionary<string, JsonNode>();
        foreach (var dim in space.DimensionsOf(decayType))
        {
            values[dim.Path] = DistributionValues.Uniform(dim.Distribution, rng);
        }
        var source = modelBranch ? inBranch : observations;
        if (dims.Count > 0 && Options.Multivariate)
        {
            var best = Best(dims, source, rng);
            for (var d = 0; d < dims.Count; d++)
            {
                values[dims[d].Source.Path] = dims[d].Decode(best[d]);
            }
        }
        else
        {
            foreach (var dim in dims)
            {
                // Independent TPE: shared parameters learn from every trial, branch ones only from
                // their branch's trials, split among all trials (Global) or the branch's (Branch).
                var own = dim.Source.Branch is null || Options.ConditionalSplit == TpeConditionalSplit.Global ? observations : inBranch;
                values[dim.Source.Path] = dim.Decode(Best([dim], own, rng)[0]);
            }
        }
        return new SpacePoint(decayType, values);
    }

    private string ChooseDecayType(SearchSpace space, List<TpeObservation> observations, SeededRandom rng)
    {
        if (space.Decay.Count == 1)
        {
            return space.Decay[0].Type;
        }
        var types = space.Decay.Select(b => b.Type).ToList();
        var dim = new TpeDimension(
            new SpaceDimension("decay", "decay", "type", CategoricalDistribution.Of(types.ToArray()), null),
            types.Count, 0, 0, null);
        var best = Best([dim], observations, rng, o => [types.IndexOf(o.Point.DecayType)]);
        return types[(int)best[0]];
    }

    private double[] Best(IReadOnlyList<TpeDimension> dims, List<TpeObservation> observations, SeededRandom rng) =>
        Best(dims, observations, rng, o => Encode(dims, o.Point));

    /// <summary>
    /// Split, fit l and g, draw candidates from l and return the one maximising log l − log g.
    /// The best γ(n) of the n observations are good (running ones count, as the constant liar's worst); observations <paramref name="encode"/>
    /// cannot place (another branch's trials) are dropped after the split, so they still push the
    /// branch's own trials down the ranking (Optuna 3.1's masking).
    /// </summary>
    private double[] Best(IReadOnlyList<TpeDimension> dims, List<TpeObservation> observations, SeededRandom rng, Func<TpeObservation, double[]?> encode)
    {
        var ranked = observations.OrderBy(o => o.Tier).ThenBy(o => o.Loss).ThenBy(o => o.Number).ToList();
        var nBelow = Math.Min(Options.Gamma(ranked.Count), ranked.Count);
        var below = Encoded(ranked.Take(nBelow), encode);
        var above = Encoded(ranked.Skip(nBelow), encode);
        var l = new ParzenEstimator(dims, below, Options, Options.SpacingFloor ? SpacingFloorCount(dims, below.Count, below.Count + above.Count) : null);
        var g = new ParzenEstimator(dims, above, Options);

        double[]? best = null;
        var bestScore = double.NegativeInfinity;
        for (var c = 0; c < Options.Candidates; c++)
        {
            // Snap to what the space can hold (steps, integers) before scoring, as Optuna does.
            var raw = l.Sample(rng);
            var candidate = Encode(dims, raw) ?? raw;
            var score = l.LogPdf(candidate) - g.LogPdf(candidate);
            if (best is null || score > bestScore)
            {
                (best, bestScore) = (candidate, score);
            }
        }
        return best!;
    }

    /// <summary>Rows in trial order, as the estimators' weight ramp expects.</summary>
    private static List<double[]> Encoded(IEnumerable<TpeObservation> observations, Func<TpeObservation, double[]?> encode) =>
        observations.OrderBy(o => o.Number).Select(encode).OfType<double[]>().ToList();

    /// <summary>
    /// The component count behind l's magic-clip floor (range / min(100, 1 + count)). Optuna uses
    /// l's own size, so with 10 good trials no kernel gets narrower than a twelfth of the range and
    /// late exploitation stalls. n trials in D numeric dimensions lie about range·n^(−1/D) apart;
    /// flooring at n^(2/D) lets l narrow as the search fills the space, faster in few dimensions
    /// (where it pays) than in many (where it would exploit too early). Never coarser than Optuna's.
    /// </summary>
    private static int SpacingFloorCount(IReadOnlyList<TpeDimension> dims, int good, int total)
    {
        var numeric = Math.Max(dims.Count(d => !d.IsCategorical), 1);
        return Math.Max(good + 1, (int)Math.Min(Math.Ceiling(Math.Pow(total, 2.0 / numeric)), 1000));
    }

    private static double[]? Encode(IReadOnlyList<TpeDimension> dims, SpacePoint point)
    {
        var x = new double[dims.Count];
        for (var d = 0; d < dims.Count; d++)
        {
            if (!point.Values.TryGetValue(dims[d].Source.Path, out var node) || dims[d].Encode(node) is not { } v)
            {
                return null;
            }
            x[d] = v;
        }
        return x;
    }

    private static double[]? Encode(IReadOnlyList<TpeDimension> dims, double[] raw)
    {
        var x = new double[dims.Count];
        for (var d = 0; d < dims.Count; d++)
        {
            x[d] = dims[d].IsCategorical ? raw[d] : dims[d].Encode(dims[d].Decode(raw[d])) ?? raw[d];
        }
        return x;
    }
}

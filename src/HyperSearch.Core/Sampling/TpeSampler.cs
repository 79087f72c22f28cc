using System.Text.Json.Nodes;
using HyperSearch.Core.Configuration;
using HyperSearch.Core.Space;

namespace HyperSearch.Core.Sampling;

/// <summary>
/// Tree-structured Parzen Estimator. After <see cref="TpeOptions.StartupTrials"/> start-up trials (a
/// Latin hypercube by default, <see cref="LatinHypercubeStartup"/>) it
/// ranks the history, splits it into a good set (the best γ(n)) and a bad set, and for each decision
/// draws candidates from the good density l(x), keeping the one with the largest l(x)/g(x).
/// By default (<see cref="TpeOptions.JointShared"/>) the decay type and the shared parameters
/// (initialLr, optimizer, momentum, …) come from one joint estimator over every trial, so the LR
/// can be good for one decay type and bad for another (on odd trial numbers the type comes first from
/// its own estimator, <see cref="TpeOptions.DecayTypeChoice"/>, so a losing type gives way); then the
/// chosen branch's own parameters from that branch's trials, split among all trials as Optuna 3.1 does
/// (<see cref="TpeConditionalSplit.Global"/>), jointly with the shared ones and drawn given the
/// shared values just chosen (<see cref="TpeOptions.ConditionBranchOnShared"/>). Without
/// JointShared, and for the first <see cref="TpeOptions.JointModelFrom"/> finished trials: Optuna's
/// default independent TPE, one estimator per parameter.
/// Kernels are scored unnormalised, as Optuna's, except on a plateau (<see cref="TpeOptions.PlateauRepeats"/>).
/// docs/search-space.md and docs/benchmarks.md give the evidence.
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
            // Past the design (parallel trials asked before the start-up ones finished), or with
            // Random: identical to the random sampler's draw.
            return (Options.Startup == TpeStartup.LatinHypercube
                       ? LatinHypercubeStartup.SamplePoint(space, context.TrialNumber, Options.StartupTrials, context.Seed)
                       : null)
                   ?? RandomSampler.SamplePoint(space, new SeededRandom(context.Seed, context.TrialNumber));
        }
        return Options.OmitKernelScale && OnPlateau(observations)
            ? new TpeSampler(Options with { OmitKernelScale = false }).SampleModelled(space, observations, context)
            : SampleModelled(space, observations, context);
    }

    private SpacePoint SampleModelled(SearchSpace space, List<TpeObservation> observations, SamplingContext context)
    {
        var rng = new SeededRandom(context.Seed, context.TrialNumber, Salt);
        var joint = Options.JointShared && observations.Count(o => o.IsFinished) >= Options.JointModelFrom;
        return joint ? SampleJointShared(space, observations, rng, MarginalType(context.TrialNumber)) : SampleByBranch(space, observations, rng);
    }

    /// <summary>
    /// Whether the good set's completed results repeat one another at least
    /// <see cref="TpeOptions.PlateauRepeats"/> times: the search keeps re-measuring one flat cell (a
    /// table looked up by nearest configuration, deterministic training over discrete choices), where
    /// unnormalised kernels stay on it and normalised ones look wider (docs/search-space.md, "Plateaus").
    /// </summary>
    private bool OnPlateau(List<TpeObservation> observations)
    {
        if (Options.PlateauRepeats <= 0)
        {
            return false;
        }
        var good = Ranked(observations).Take(Options.Gamma(observations.Count)).Where(o => o.Tier == 0).Select(o => o.Loss).ToList();
        return good.Count - good.Distinct().Count() >= Options.PlateauRepeats;
    }

    private SpacePoint SampleByBranch(SearchSpace space, List<TpeObservation> observations, SeededRandom rng)
    {
        var decayType = ChooseDecayType(space, observations, rng);
        var inBranch = observations.Where(o => o.Point.DecayType == decayType).ToList();
        var modelBranch = inBranch.Count(o => o.IsFinished) >= Options.MinBranchTrials;
        var dims = (modelBranch ? space.DimensionsOf(decayType) : space.CommonDimensions)
            .Select(TpeDimension.Of).OfType<TpeDimension>().ToList();

        var values = UniformValues(space, decayType, rng);
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

    /// <summary>
    /// Decay type and shared parameters from one joint estimator over every trial (so the LR
    /// optimum may differ per decay type and per optimizer), then each of the chosen branch's own
    /// parameters on its own, split among all trials. Optuna's multivariate TPE without grouping.
    /// </summary>
    private bool MarginalType(int trialNumber) => Options.DecayTypeChoice switch
    {
        TpeDecayTypeChoice.Marginal => true,
        TpeDecayTypeChoice.Alternating => trialNumber % 2 == 1,
        _ => false,
    };

    private SpacePoint SampleJointShared(SearchSpace space, List<TpeObservation> observations, SeededRandom rng, bool marginalType)
    {
        var types = space.Decay.Select(b => b.Type).ToList();
        var common = space.CommonDimensions.Select(TpeDimension.Of).OfType<TpeDimension>().ToList();
        var dims = types.Count > 1 ? [DecayDimension(types), .. common] : common;
        var decayType = types[0];
        var shared = new Dictionary<string, JsonNode>();
        if (dims.Count > 0)
        {
            var offset = types.Count > 1 ? 1 : 0;
            // A marginal type comes first from its own estimator and the shared values are drawn
            // given it (conditioning on the leading dimension).
            double[]? givenType = offset == 1 && marginalType ? [types.IndexOf(ChooseDecayType(space, observations, rng))] : null;
            var best = Best(dims, observations, rng, o => Encode(common, o.Point) is { } x
                ? offset == 1 ? [types.IndexOf(o.Point.DecayType), .. x] : x
                : null, givenType);
            decayType = offset == 1 ? types[(int)best[0]] : decayType;
            for (var d = 0; d < common.Count; d++)
            {
                shared[common[d].Source.Path] = common[d].Decode(best[d + offset]);
            }
        }
        var values = UniformValues(space, decayType, rng);
        foreach (var (path, value) in shared)
        {
            values[path] = value;
        }
        var own = space.DimensionsOf(decayType).Where(d => d.Branch is not null).Select(TpeDimension.Of).OfType<TpeDimension>().ToList();
        if (Options.ConditionBranchOnShared && own.Count > 0)
        {
            // The branch's parameters jointly with the shared ones, given the shared values just
            // chosen: kernels of trials whose LR (optimizer, …) lies near this one weigh more, so a
            // decay parameter whose best value moves with the LR follows it.
            var given = common.Select(d => d.Encode(shared[d.Source.Path]) ?? 0).ToArray();
            var best = Best([.. common, .. own], observations, rng, given);
            for (var d = 0; d < own.Count; d++)
            {
                values[own[d].Source.Path] = own[d].Decode(best[common.Count + d]);
            }
            return new SpacePoint(decayType, values);
        }
        foreach (var dim in own)
        {
            values[dim.Source.Path] = dim.Decode(Best([dim], observations, rng)[0]);
        }
        return new SpacePoint(decayType, values);
    }

    private static Dictionary<string, JsonNode> UniformValues(SearchSpace space, string decayType, SeededRandom rng)
    {
        var values = new Dictionary<string, JsonNode>();
        foreach (var dim in space.DimensionsOf(decayType))
        {
            values[dim.Path] = DistributionValues.Uniform(dim.Distribution, rng);
        }
        return values;
    }

    private static TpeDimension DecayDimension(List<string> types) => new(
        new SpaceDimension("decay", "decay", "type", CategoricalDistribution.Of(types.ToArray()), null),
        types.Count, 0, 0, null);

    private string ChooseDecayType(SearchSpace space, List<TpeObservation> observations, SeededRandom rng)
    {
        if (space.Decay.Count == 1)
        {
            return space.Decay[0].Type;
        }
        var types = space.Decay.Select(b => b.Type).ToList();
        var best = Best([DecayDimension(types)], observations, rng, o => [types.IndexOf(o.Point.DecayType)]);
        return types[(int)best[0]];
    }

    private double[] Best(IReadOnlyList<TpeDimension> dims, List<TpeObservation> observations, SeededRandom rng, double[]? given = null) =>
        Best(dims, observations, rng, o => Encode(dims, o.Point), given);

    /// <summary>
    /// Split, fit l and g, draw candidates from l and return the one maximising log l − log g.
    /// The best γ(n) of the n observations are good (running ones count, as the constant liar's worst); observations <paramref name="encode"/>
    /// cannot place (another branch's trials) are dropped after the split, so they still push the
    /// branch's own trials down the ranking (Optuna 3.1's masking).
    /// </summary>
    /// <param name="given">Values of the leading dimensions to condition on (not proposed, only weighed).</param>
    private double[] Best(IReadOnlyList<TpeDimension> dims, List<TpeObservation> observations, SeededRandom rng, Func<TpeObservation, double[]?> encode, double[]? given = null)
    {
        var ranked = Ranked(observations);
        var nBelow = Math.Min(Options.Gamma(ranked.Count), ranked.Count);
        var below = Encoded(ranked.Take(nBelow), encode);
        var above = Encoded(ranked.Skip(nBelow), encode);
        var l = new ParzenEstimator(dims, below, Options, Options.SpacingFloor ? SpacingFloorCount(dims, below.Count, below.Count + above.Count) : null);
        var g = new ParzenEstimator(dims, above, Options);
        if (given is { Length: > 0 })
        {
            (l, g) = (l.Given(given), g.Given(given));
        }

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

    /// <summary>Best first: by tier (completed, pruned, diverged, running), then loss, then trial number.</summary>
    private static List<TpeObservation> Ranked(IEnumerable<TpeObservation> observations) =>
        observations.OrderBy(o => o.Tier).ThenBy(o => o.Loss).ThenBy(o => o.Number).ToList();

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

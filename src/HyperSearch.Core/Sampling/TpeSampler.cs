using System.Text.Json.Nodes;
using HyperSearch.Core.Configuration;
using HyperSearch.Core.Space;

namespace HyperSearch.Core.Sampling;

/// <summary>
/// Tree-structured Parzen Estimator: Optuna 3.1's default <c>TPESampler</c> (independent TPE), with
/// running trials handled by its <c>constant_liar</c>. Until <see cref="TpeOptions.StartupTrials"/>
/// trials have finished, the random sampler's draw; then the history is split once into good and bad
/// (<see cref="TpeSplit"/>) and every parameter of the trial — the decay type first, then each
/// parameter of the chosen branch — is drawn on its own from its l(x)/g(x). Golden files made with
/// Optuna (scripts/golden/generate_tpe_golden.py) pin the split, the estimators and the choice among
/// candidates; docs/search-space.md says why nothing else is on.
/// </summary>
public sealed class TpeSampler(TpeOptions? options = null) : ISampler
{
    private const ulong Salt = 0x7E9E5A17;

    public TpeOptions Options { get; } = options ?? TpeOptions.Default;

    public TrialConfig? Sample(SearchSpace space, IReadOnlyList<TrialSnapshot> history, SamplingContext context) =>
        SamplePoint(space, history, context).ToConfig(space);

    internal SpacePoint SamplePoint(SearchSpace space, IReadOnlyList<TrialSnapshot> history, SamplingContext context)
    {
        var split = new TpeSplit(TpeObservation.From(space, history, context.Direction));
        if (split.Finished < Options.StartupTrials)
        {
            return RandomSampler.SamplePoint(space, new SeededRandom(context.Seed, context.TrialNumber));
        }
        var rng = new SeededRandom(context.Seed, context.TrialNumber, Salt);
        var decayType = TpeDimension.DecayType(space) is { } type ? split.Suggest(type, rng).GetValue<string>() : space.Decay[0].Type;
        var values = new Dictionary<string, JsonNode>();
        // A conditional parameter inactive under the values drawn before it is not drawn at all; an active
        // one is modelled on the trials that had it only (TpeSplit masks the others out), as Optuna does
        // for a parameter a define-by-run objective suggests only in some trials.
        foreach (var dim in space.DimensionsOf(decayType).Where(d => d.IsActive(values)))
        {
            // Fixed values and one-value ranges are not sampled (Optuna's single() distributions).
            values[dim.Path] = TpeDimension.Of(dim) is { } modelled ? split.Suggest(modelled, rng) : DistributionValues.Uniform(dim.Distribution, rng);
        }
        return new SpacePoint(decayType, values);
    }
}

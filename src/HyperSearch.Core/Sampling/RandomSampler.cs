using System.Text.Json.Nodes;
using HyperSearch.Core.Configuration;
using HyperSearch.Core.Space;

namespace HyperSearch.Core.Sampling;

/// <summary>
/// Independent uniform draws (log-uniform on log ranges); a decay type first, then its parameters, in order,
/// skipping a conditional parameter whose condition the values drawn before it do not meet.
/// </summary>
public sealed class RandomSampler : ISampler
{
    public TrialConfig? Sample(SearchSpace space, IReadOnlyList<TrialSnapshot> history, SamplingContext context) =>
        SamplePoint(space, new SeededRandom(context.Seed, context.TrialNumber)).ToConfig(space);

    internal static SpacePoint SamplePoint(SearchSpace space, SeededRandom rng)
    {
        var branch = space.Decay[rng.NextInt(space.Decay.Count)];
        var values = new Dictionary<string, JsonNode>();
        foreach (var dim in space.DimensionsOf(branch.Type).Where(d => d.IsActive(values)))
        {
            values[dim.Path] = DistributionValues.Uniform(dim.Distribution, rng);
        }
        return new SpacePoint(branch.Type, values);
    }
}

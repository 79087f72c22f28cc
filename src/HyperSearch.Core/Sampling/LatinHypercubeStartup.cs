using System.Text.Json.Nodes;
using HyperSearch.Core.Space;

namespace HyperSearch.Core.Sampling;

/// <summary>
/// TPE's first <c>size</c> trials as a Latin hypercube: each numeric parameter puts one trial in
/// each 1/size of its range (at a random place inside it), and categorical choices, the decay type
/// first, are dealt out evenly, so with at most <c>size</c> decay types every type is tried once.
/// Uniform draws leave gaps the model then never looks into: ten draws over nine decay types miss
/// 2.8 types on average, and ten log-uniform LRs over five decades almost always leave a
/// half-decade empty.
/// Trial n of a search (numbered from 1) takes row n − 1, whatever order trials finish in, so
/// workers asking in parallel still get the design and the answer depends only on (seed, n).
/// </summary>
internal static class LatinHypercubeStartup
{
    private const ulong Salt = 0x1A7C0B5E;

    /// <summary>The design's point for <paramref name="trialNumber"/>, or null past the design.</summary>
    public static SpacePoint? SamplePoint(SearchSpace space, int trialNumber, int size, int seed)
    {
        var row = trialNumber - 1;
        if (row < 0 || row >= size)
        {
            return null;
        }
        var jitter = new SeededRandom(seed, trialNumber, Salt);
        var decay = CategoricalDistribution.Of(space.Decay.Select(b => b.Type).ToArray());
        var decayType = (string)DistributionValues.AtQuantile(decay, Quantile("decay", decay, row, size, seed, jitter))!;
        var values = new Dictionary<string, JsonNode>();
        foreach (var dim in space.DimensionsOf(decayType))
        {
            values[dim.Path] = DistributionValues.AtQuantile(dim.Distribution, Quantile(dim.Path, dim.Distribution, row, size, seed, jitter));
        }
        return new SpacePoint(decayType, values);
    }

    /// <summary>
    /// The u of <paramref name="row"/> in its stratum of this parameter's permutation. Categories
    /// take the stratum's centre: with k ≤ size choices every choice's share of [0, 1) holds a centre.
    /// </summary>
    private static double Quantile(string path, Distribution distribution, int row, int size, int seed, SeededRandom jitter)
    {
        var stratum = Permutation(path, size, seed)[row];
        var within = distribution is CategoricalDistribution ? 0.5 : jitter.NextDouble();
        return (stratum + within) / size;
    }

    private static int[] Permutation(string path, int size, int seed)
    {
        var rng = new SeededRandom(seed, 0, Salt ^ Fnv1a(path));
        var order = Enumerable.Range(0, size).ToArray();
        for (var i = size - 1; i > 0; i--)
        {
            var j = rng.NextInt(i + 1);
            (order[i], order[j]) = (order[j], order[i]);
        }
        return order;
    }

    /// <summary>A hash that, unlike string.GetHashCode, is the same in every process.</summary>
    private static ulong Fnv1a(string text)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }
        return hash;
    }
}

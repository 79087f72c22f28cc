using HyperSearch.Core.Configuration;
using HyperSearch.Core.Searches.Queue;

namespace HyperSearch.Worker.Testing;

/// <summary>
/// TEST DOUBLE for the sampler (HyperSearch:Worker:Sampler=fake): a log-uniform initialLr in
/// [1e-4, 1e-1] with constant decay, derived from (seed, trial number) only; ignores the space.
/// Lets queue tests and benchmarks run without depending on the search-space engine.
/// </summary>
public sealed class RandomLrProposer : ITrialProposer
{
    public TrialConfig? Propose(AskCandidate candidate)
    {
        var random = new Random(HashCode.Combine(candidate.Seed, candidate.NextNumber));
        return new TrialConfig { InitialLr = Math.Pow(10, -4 + 3 * random.NextDouble()), Decay = new ConstantDecay() };
    }
}

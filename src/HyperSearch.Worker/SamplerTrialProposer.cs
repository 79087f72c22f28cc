using HyperSearch.Core.Configuration;
using HyperSearch.Core.Sampling;
using HyperSearch.Core.Searches.Queue;
using HyperSearch.Core.Space;

namespace HyperSearch.Worker;

/// <summary>The real proposer: parses the stored space and asks Core's sampler for the strategy.</summary>
public sealed class SamplerTrialProposer : ITrialProposer
{
    public TrialConfig? Propose(AskCandidate candidate)
    {
        var (space, errors) = SearchSpaceJson.Parse(candidate.SpaceJson);
        if (space is null)
            throw new InvalidOperationException("the search space is invalid: " + string.Join("; ", errors));
        var sampler = SamplerFactory.Create(candidate.Strategy, candidate.GridPoints, candidate.Epochs);
        return sampler.Sample(space, candidate.History, new SamplingContext(candidate.NextNumber, candidate.Seed, candidate.Direction));
    }
}

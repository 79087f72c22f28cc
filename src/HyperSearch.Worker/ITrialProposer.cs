using HyperSearch.Core.Configuration;
using HyperSearch.Core.Searches.Queue;

namespace HyperSearch.Worker;

/// <summary>Runs a search's sampler in the worker: the next config for a candidate search, or null when exhausted.</summary>
public interface ITrialProposer
{
    TrialConfig? Propose(AskCandidate candidate);
}

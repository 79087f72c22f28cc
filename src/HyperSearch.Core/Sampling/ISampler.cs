using HyperSearch.Core.Configuration;
using HyperSearch.Core.Space;

namespace HyperSearch.Core.Sampling;

/// <summary>Optuna's sampler shape, kept small: space + immutable history in, one trial config out.</summary>
public interface ISampler
{
    /// <returns>The next config, or null when the sampler is exhausted (a finished grid).</returns>
    TrialConfig? Sample(SearchSpace space, IReadOnlyList<TrialSnapshot> history, SamplingContext context);
}

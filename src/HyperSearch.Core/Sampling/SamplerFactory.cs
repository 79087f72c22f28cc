using HyperSearch.Core.Pbt;

namespace HyperSearch.Core.Sampling;

public static class SamplerFactory
{
    /// <param name="gridPoints">Points per numeric range, for the grid strategy.</param>
    /// <param name="epochs">The run length, which PBT's segments are cut from (required for <see cref="SearchStrategy.Pbt"/>).</param>
    public static ISampler Create(SearchStrategy strategy, int gridPoints = 3, int? epochs = null) => strategy switch
    {
        SearchStrategy.Grid => new GridSampler(gridPoints),
        SearchStrategy.Random => new RandomSampler(),
        SearchStrategy.Tpe => new TpeSampler(),
        SearchStrategy.Pbt => new PbtSampler(epochs ?? throw new ArgumentNullException(nameof(epochs), "PBT needs the run's epochs")),
        _ => throw new ArgumentOutOfRangeException(nameof(strategy), strategy, "unknown search strategy"),
    };
}

namespace HyperSearch.Core.Sampling;

public static class SamplerFactory
{
    /// <param name="gridPoints">Points per numeric range, for the grid strategy.</param>
    public static ISampler Create(SearchStrategy strategy, int gridPoints = 3) => strategy switch
    {
        SearchStrategy.Grid => new GridSampler(gridPoints),
        SearchStrategy.Random => new RandomSampler(),
        SearchStrategy.Tpe => new TpeSampler(),
        _ => throw new ArgumentOutOfRangeException(nameof(strategy), strategy, "unknown search strategy"),
    };
}

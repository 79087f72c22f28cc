namespace HyperSearch.Web.Launch;

/// <summary>Runs a workload's LR range test (LR finder) for the launch form. Optional: the button shows only when one is registered.</summary>
public interface ILrRangeFinder
{
    Task<LrRangeSuggestion> RunAsync(string workload, CancellationToken cancellationToken = default);
}

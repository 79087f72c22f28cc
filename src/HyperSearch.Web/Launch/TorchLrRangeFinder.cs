using HyperSearch.Training.LrFinder;

namespace HyperSearch.Web.Launch;

/// <summary>The launch form's LR range test: the training project's LR finder with a short default run.</summary>
public sealed class TorchLrRangeFinder(LrRangeTest test) : ILrRangeFinder
{
    public async Task<LrRangeSuggestion> RunAsync(string workload, CancellationToken cancellationToken = default)
    {
        var result = await test.RunAsync(workload, new LrRangeTestOptions { Steps = 100, Threads = 2 }, cancellationToken: cancellationToken);
        if (result.RangeLow is not { } low || result.RangeHigh is not { } high)
            throw new InvalidOperationException(result.Message ?? "the loss never fell, so there is no LR to suggest");
        return new LrRangeSuggestion([.. result.Points.Select(p => (p.Lr, p.SmoothedLoss))], low, high);
    }
}

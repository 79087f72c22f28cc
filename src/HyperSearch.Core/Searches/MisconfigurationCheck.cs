using HyperSearch.Core.Trials;

namespace HyperSearch.Core.Searches;

/// <summary>
/// A search that cannot work (its dataset directory is missing, its workload does not load) fails
/// every trial the same way; rather than spend its whole budget on failures it pauses once its first
/// <see cref="Trials"/> finished trials all failed with one and the same error, and shows that error.
/// Decided once, at the <see cref="Trials"/>-th finish, so resuming never pauses it again for the same trials.
/// </summary>
public static class MisconfigurationCheck
{
    public const int Trials = 3;

    /// <param name="finished">The search's finished trials (Completed, Pruned, Diverged, Failed) in the order they finished.</param>
    /// <returns>The reason to pause with, or null to go on.</returns>
    public static string? PauseReason(IReadOnlyList<(TrialState State, string? Error)> finished)
    {
        if (finished.Count != Trials) return null;
        var error = finished[0].Error;
        if (string.IsNullOrEmpty(error) || !finished.All(t => t.State == TrialState.Failed && t.Error == error)) return null;
        return $"paused itself: its first {Trials} trials failed with the same error, so the next would too — {error}";
    }
}

using HyperSearch.Core.Faults;
using HyperSearch.Core.Trials;

namespace HyperSearch.Core.Searches;

/// <summary>
/// A search that cannot work (its dataset is missing, its checkpoint disk is full or read-only, its space
/// draws parameters the workload refuses) fails trial after trial the same way; rather than spend its
/// budget on failures it pauses once its last <see cref="Trials"/> finished trials all failed with one
/// <see cref="FailureKind"/>, and shows why. Kinds, not messages: a message carries per-trial details
/// (a temporary file's name, the value drawn) and two failures of one cause rarely read the same.
/// Trials that finished before the search was last resumed do not count, so resuming never pauses it
/// again for the same failures.
/// </summary>
public static class MisconfigurationCheck
{
    public const int Trials = 3;

    /// <param name="latestFirst">The search's trials that finished (Completed, Pruned, Diverged, Failed) since it started or was last resumed, the latest first.</param>
    /// <returns>The reason to pause with, or null to go on.</returns>
    public static string? PauseReason(IReadOnlyList<FinishedTrialFact> latestFirst)
    {
        if (latestFirst.Count < Trials) return null;
        var streak = latestFirst.Take(Trials).ToList();
        var latest = streak[0];
        if (!streak.All(t => t.State == TrialState.Failed && Alike(t, latest))) return null;
        var what = latest.Kind is { } kind ? kind.Describe() : "the same error";
        return $"paused itself: its last {Trials} trials failed alike ({what}), so the next would too — {latest.Error}";
    }

    // Failures recorded before kinds existed (or without one) compare by their text, as before.
    private static bool Alike(FinishedTrialFact a, FinishedTrialFact b) =>
        a.Kind is { } kind ? kind == b.Kind : b.Kind is null && !string.IsNullOrEmpty(a.Error) && a.Error == b.Error;
}

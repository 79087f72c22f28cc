namespace HyperSearch.Core.Searches;

/// <summary>What <see cref="ITrialStore.AddTrialAsync"/> did with a hand-made trial config.</summary>
public enum AddTrialStatus
{
    /// <summary>Queued in the search (a Completed search reopens to run it).</summary>
    Added,
    SearchNotFound,
    /// <summary>Cancelled or Failed: nothing more runs in it.</summary>
    SearchStopped,
    /// <summary>The best trial's held-out test run is in progress; try again when it has finished.</summary>
    SearchEvaluating,
}

/// <summary>The outcome of adding a trial by hand; <see cref="TrialId"/>/<see cref="Number"/> are set when <see cref="Status"/> is Added.</summary>
public sealed record AddedTrial(AddTrialStatus Status, long? TrialId = null, int? Number = null);

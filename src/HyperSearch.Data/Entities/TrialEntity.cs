using HyperSearch.Core.Faults;
using HyperSearch.Core.Searches;
using HyperSearch.Core.Trials;

namespace HyperSearch.Data.Entities;

/// <summary>
/// A trial. ConfigJson is the contract document; InitialLr … WarmupSteps are copies of it so the
/// dashboard can filter, sort and plot without parsing JSON.
/// </summary>
public sealed class TrialEntity : IAnnotated
{
    public long Id { get; set; }
    public long SearchId { get; set; }
    public TrialKind Kind { get; set; }
    public int Number { get; set; }
    public required string ConfigJson { get; set; }
    public double InitialLr { get; set; }
    public required string DecayType { get; set; }
    public string? OptimizerType { get; set; }
    public int? BatchSize { get; set; }
    public int? WarmupSteps { get; set; }
    public TrialState State { get; set; }
    public int Attempt { get; set; }
    public bool CancelRequested { get; set; }
    public string? WorkerId { get; set; }
    public string? Device { get; set; }
    public int? Slot { get; set; }
    public DateTimeOffset? LeaseExpiresAt { get; set; }
    public int EpochsDone { get; set; }
    public double? BestValue { get; set; }
    public double? FinalValue { get; set; }
    public double? TestLoss { get; set; }
    public double? TestAccuracy { get; set; }
    public string? Diagnosis { get; set; }
    public string? Error { get; set; }
    /// <summary>A Failed trial's kind of fault (the search guard compares kinds, not messages); null otherwise and for older rows.</summary>
    public FailureKind? FailureKind { get; set; }
    /// <summary>When it entered the queue (again, after a re-queue): the age in the claim order.</summary>
    public DateTimeOffset QueuedAt { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? StartedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    /// <summary>Free notes (at most <see cref="Core.Searches.Annotation.MaxNotes"/> characters).</summary>
    public string Notes { get; set; } = "";
    /// <summary>Tags as <c>,a,b,</c> (<see cref="Store.TagColumn"/>): a tag filter is one LIKE on both providers.</summary>
    public string Tags { get; set; } = "";
}

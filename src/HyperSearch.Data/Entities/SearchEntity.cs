using HyperSearch.Core.Sampling;
using HyperSearch.Core.Searches;
using HyperSearch.Core.Training;

namespace HyperSearch.Data.Entities;

public sealed class SearchEntity : IAnnotated
{
    public long Id { get; set; }
    public required string Name { get; set; }
    /// <summary>Display name of who launched it (the account's name; "local" in open loopback mode).</summary>
    public required string Owner { get; set; }
    public long TeamId { get; set; }
    /// <summary>The launching account; null for searches launched without accounts or before they existed.</summary>
    public string? LaunchedByUserId { get; set; }
    public required string Workload { get; set; }
    public SearchStrategy Strategy { get; set; }
    public required string SpaceJson { get; set; }
    public ObjectiveMetric Objective { get; set; }
    public ObjectiveDirection Direction { get; set; }
    public int Budget { get; set; }
    public int Parallelism { get; set; }
    public int Epochs { get; set; }
    public ScheduleUnit ScheduleUnit { get; set; }
    public int Seed { get; set; }
    public int GridPoints { get; set; }
    public required string PrunerJson { get; set; }
    public int Priority { get; set; }
    public SearchState State { get; set; }
    /// <summary>The sampler returned null (a finished grid): no more trials will be asked for.</summary>
    public bool SamplerExhausted { get; set; }
    public long? BestTrialId { get; set; }
    public double? BestValue { get; set; }
    public double? TestLoss { get; set; }
    public double? TestAccuracy { get; set; }
    public string? Error { get; set; }
    /// <summary>Hex SHA-256 of the launcher and the launch's idempotency key; null without a key. Unique.</summary>
    public string? LaunchKey { get; set; }
    /// <summary>The launch request's fingerprint: the same key with another request is refused, not replayed.</summary>
    public string? LaunchFingerprint { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }
    /// <summary>When a person last resumed it: the search guard counts only the trials that finished after.</summary>
    public DateTimeOffset? ResumedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    /// <summary>Free notes (at most <see cref="Core.Searches.Annotation.MaxNotes"/> characters).</summary>
    public string Notes { get; set; } = "";
    /// <summary>Tags as <c>,a,b,</c> (<see cref="Store.TagColumn"/>): a tag filter is one LIKE on both providers.</summary>
    public string Tags { get; set; } = "";
}

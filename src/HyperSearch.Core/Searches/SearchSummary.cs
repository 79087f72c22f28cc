using HyperSearch.Core.Sampling;

namespace HyperSearch.Core.Searches;

/// <summary>One row of the searches list: settings, progress by trial state, and the best trial so far.</summary>
public sealed record SearchSummary
{
    public required long Id { get; init; }
    public required string Name { get; init; }
    public required string Owner { get; init; }
    public long TeamId { get; init; } = Access.DefaultTeam.Id;
    public string TeamName { get; init; } = Access.DefaultTeam.Name;
    public string? LaunchedByUserId { get; init; }
    public required string Workload { get; init; }
    public required SearchStrategy Strategy { get; init; }
    public required SearchState State { get; init; }
    public required ObjectiveMetric Objective { get; init; }
    public required ObjectiveDirection Direction { get; init; }
    public required int Budget { get; init; }
    public required int Parallelism { get; init; }
    public required int Epochs { get; init; }
    public required int Priority { get; init; }
    public required TrialCounts Counts { get; init; }
    public long? BestTrialId { get; init; }
    public int? BestTrialNumber { get; init; }
    /// <summary>Best validation objective so far (running trials included in "so far").</summary>
    public double? BestValue { get; init; }
    /// <summary>Held-out test metrics of the best trial, computed once when the search completes.</summary>
    public double? TestLoss { get; init; }
    public double? TestAccuracy { get; init; }
    public string? Error { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? FinishedAt { get; init; }
    public required DateTimeOffset UpdatedAt { get; init; }
    /// <summary>Free notes of the team (<see cref="Annotation"/>).</summary>
    public string Notes { get; init; } = "";
    /// <summary>Lower-case tags, in the order given; <c>?tag=</c> filters the lists by one.</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];
}

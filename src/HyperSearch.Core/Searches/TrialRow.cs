using HyperSearch.Core.Configuration;
using HyperSearch.Core.Trials;

namespace HyperSearch.Core.Searches;

/// <summary>
/// One trial as the ranked table, the compare view and exports show it. The flat parameter columns
/// (InitialLr, DecayType, …) are copies of <see cref="Config"/> for filtering and plots.
/// </summary>
public sealed record TrialRow
{
    public required long Id { get; init; }
    public required long SearchId { get; init; }
    public required int Number { get; init; }
    public required TrialKind Kind { get; init; }
    public required TrialState State { get; init; }
    public required TrialConfig Config { get; init; }
    public required double InitialLr { get; init; }
    public required string DecayType { get; init; }
    public string? OptimizerType { get; init; }
    public int? BatchSize { get; init; }
    public int? WarmupSteps { get; init; }
    public required int Attempt { get; init; }
    public required int EpochsDone { get; init; }
    /// <summary>Best validation objective over the epochs (by the search's direction).</summary>
    public double? BestValue { get; init; }
    /// <summary>Validation objective of the last epoch.</summary>
    public double? FinalValue { get; init; }
    public double? TestLoss { get; init; }
    public double? TestAccuracy { get; init; }
    public string? Diagnosis { get; init; }
    public string? Error { get; init; }
    public string? WorkerId { get; init; }
    public string? Device { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? StartedAt { get; init; }
    public DateTimeOffset? FinishedAt { get; init; }
    public required DateTimeOffset UpdatedAt { get; init; }
    /// <summary>Free notes on this trial (<see cref="Annotation"/>).</summary>
    public string Notes { get; init; } = "";
    public IReadOnlyList<string> Tags { get; init; } = [];
}

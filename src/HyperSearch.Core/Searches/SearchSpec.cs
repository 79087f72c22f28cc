using HyperSearch.Core.Pruning;
using HyperSearch.Core.Sampling;
using HyperSearch.Core.Training;

namespace HyperSearch.Core.Searches;

/// <summary>
/// What a user asks for when creating a search (the spec file, the REST body, the launch form).
/// <see cref="SpaceJson"/> is the search space exactly as written (validated by <see cref="SearchSpecValidator"/>).
/// </summary>
public sealed record SearchSpec
{
    /// <summary>
    /// The most characters a name may have: enough for "resnet18 cosine sweep, bs 128, warmup 5, v3"
    /// three times over; a longer one only pushed the state, progress and best off the lists.
    /// </summary>
    public const int MaxNameLength = 120;

    public required string Name { get; init; }
    /// <summary>Display name of who launched it: set by the server from the signed-in user, never trusted from a document.</summary>
    public string Owner { get; init; } = "local";
    /// <summary>The team named in the document, if any; the server resolves it to <see cref="TeamId"/>.</summary>
    public string? Team { get; init; }
    /// <summary>The team the search belongs to (its fair share, who may steer it).</summary>
    public long TeamId { get; init; } = Access.DefaultTeam.Id;
    /// <summary>The account that launched it; null when no account existed (open loopback mode).</summary>
    public string? LaunchedByUserId { get; init; }
    public required string Workload { get; init; }
    public SearchStrategy Strategy { get; init; } = SearchStrategy.Tpe;
    public required string SpaceJson { get; init; }
    public ObjectiveMetric Objective { get; init; } = ObjectiveMetric.ValLoss;
    public ObjectiveDirection Direction { get; init; } = ObjectiveDirection.Minimize;
    /// <summary>Number of trials to run (grid: at most this many points).</summary>
    public required int Budget { get; init; }
    /// <summary>Most trials of this search running at once.</summary>
    public int Parallelism { get; init; } = 1;
    public required int Epochs { get; init; }
    public ScheduleUnit ScheduleUnit { get; init; } = ScheduleUnit.Epoch;
    /// <summary>
    /// Seeds the sampler and each trial's training (seed + trial number). Null until stored: a search
    /// launched without one gets a random seed then (<see cref="SearchSeed"/>), so identical specs of
    /// two teams do not sample identical trials; give one to repeat a search exactly.
    /// </summary>
    public int? Seed { get; init; }
    public int GridPoints { get; init; } = 3;
    public PrunerSpec Pruner { get; init; } = new();
    /// <summary>Higher runs first.</summary>
    public int Priority { get; init; }
}

using HyperSearch.Core.Configuration;
using HyperSearch.Core.Trials;

namespace HyperSearch.Core.Sampling;

/// <summary>An immutable view of one trial of the search, as samplers see it (never the store).</summary>
/// <param name="Value">The objective (validation metric) of a finished trial; for a pruned trial its value at <paramref name="Step"/>; null while running or when failed.</param>
/// <param name="Id">The stored trial's id (0 where there is no store); PBT names a parent's checkpoint by it.</param>
/// <param name="Step">
/// For a pruned trial, the last step (epoch) it reported: TPE ranks trials pruned later above those
/// pruned earlier, as Optuna does. Null: unknown, and pruned trials are then ranked by value alone.
/// </param>
public sealed record TrialSnapshot(int Number, TrialConfig Config, TrialState State, double? Value, long Id = 0, int? Step = null);

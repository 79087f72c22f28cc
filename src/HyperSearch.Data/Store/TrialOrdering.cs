using HyperSearch.Core.Sampling;
using HyperSearch.Core.Searches;
using HyperSearch.Data.Entities;

namespace HyperSearch.Data.Store;

/// <summary>Sort orders of the trials table, translated to SQL; ties broken by trial number.</summary>
internal static class TrialOrdering
{
    /// <summary>The ranking's first part: trials with a value, best first (worst first when descending), ties by number.</summary>
    public static IQueryable<TrialEntity> Valued(IQueryable<TrialEntity> trials, bool descending, ObjectiveDirection direction)
    {
        var valued = trials.Where(t => t.BestValue != null);
        var bestFirst = direction == ObjectiveDirection.Minimize != descending;
        return (bestFirst ? valued.OrderBy(t => t.BestValue) : valued.OrderByDescending(t => t.BestValue)).ThenBy(t => t.Number);
    }

    public static IQueryable<TrialEntity> Apply(IQueryable<TrialEntity> trials, TrialSort sort, bool descending, ObjectiveDirection direction)
    {
        if (sort == TrialSort.Rank)
        {
            // Best first, trials without a value (running from epoch 0, failed, diverged) last either way.
            var bestFirst = direction == ObjectiveDirection.Minimize != descending;
            var withValueFirst = trials.OrderBy(t => t.BestValue == null);
            return (bestFirst ? withValueFirst.ThenBy(t => t.BestValue) : withValueFirst.ThenByDescending(t => t.BestValue)).ThenBy(t => t.Number);
        }
        IOrderedQueryable<TrialEntity> ordered = sort switch
        {
            TrialSort.InitialLr => descending ? trials.OrderByDescending(t => t.InitialLr) : trials.OrderBy(t => t.InitialLr),
            TrialSort.DecayType => descending ? trials.OrderByDescending(t => t.DecayType) : trials.OrderBy(t => t.DecayType),
            TrialSort.State => descending ? trials.OrderByDescending(t => t.State) : trials.OrderBy(t => t.State),
            TrialSort.EpochsDone => descending ? trials.OrderByDescending(t => t.EpochsDone) : trials.OrderBy(t => t.EpochsDone),
            TrialSort.FinalValue => descending ? trials.OrderByDescending(t => t.FinalValue) : trials.OrderBy(t => t.FinalValue),
            TrialSort.UpdatedAt => descending ? trials.OrderByDescending(t => t.UpdatedAt) : trials.OrderBy(t => t.UpdatedAt),
            _ => descending ? trials.OrderByDescending(t => t.Number) : trials.OrderBy(t => t.Number),
        };
        return ordered.ThenBy(t => t.Number);
    }
}

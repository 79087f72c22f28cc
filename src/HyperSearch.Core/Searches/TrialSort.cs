namespace HyperSearch.Core.Searches;

/// <summary>Sort keys of the trials table. <see cref="Rank"/> = best value by the search's direction, nulls last.</summary>
public enum TrialSort
{
    Rank,
    Number,
    InitialLr,
    DecayType,
    State,
    EpochsDone,
    FinalValue,
    UpdatedAt,
}

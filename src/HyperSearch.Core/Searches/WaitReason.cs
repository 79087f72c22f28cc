namespace HyperSearch.Core.Searches;

/// <summary>Why a queued trial is not running yet.</summary>
public enum WaitReason
{
    /// <summary>Next in line; waits for a device slot to free up.</summary>
    NoFreeSlot,
    /// <summary>Its search already runs as many trials as its parallelism allows.</summary>
    ParallelismLimit,
    /// <summary>Its search is paused.</summary>
    Paused,
    /// <summary>Trials of higher priority (or fairer share) are ahead of it.</summary>
    LowerPriority,
    /// <summary>Its team holds as many slots as its cap allows on every device kind the live workers offer.</summary>
    TeamQuota,
}

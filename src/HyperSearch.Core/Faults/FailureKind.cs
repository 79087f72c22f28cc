namespace HyperSearch.Core.Faults;

/// <summary>
/// What kind of fault ended a failed trial. Messages carry per-trial details (a path with the trial's
/// id, the value a sampler drew), so failures are compared by kind: the search guard
/// (<see cref="Searches.MisconfigurationCheck"/>) pauses a search whose trials keep failing with one kind.
/// Stored by name: append new kinds, never renumber.
/// </summary>
public enum FailureKind
{
    /// <summary>A disk (checkpoints, data) has no space left or the quota is used up.</summary>
    DiskFull,
    /// <summary>A file system is read-only, or a file or folder may not be written.</summary>
    ReadOnly,
    /// <summary>A file or folder the trial needs does not exist (a dataset, a plug-in).</summary>
    MissingFile,
    /// <summary>A parameter of the trial is outside what the trainer or the workload accepts.</summary>
    InvalidParameter,
    /// <summary>The trial ran out of memory (host or device).</summary>
    OutOfMemory,
    /// <summary>Any other fault before the first epoch began: the workload's data or model did not load.</summary>
    WorkloadLoad,
    /// <summary>Any other fault while training.</summary>
    Training,
    /// <summary>Its worker stopped answering on the trial's last attempt (the lease expired).</summary>
    WorkerLost,
}

namespace HyperSearch.Core.Faults;

/// <summary>How the pages and the guard's pause reason name a <see cref="FailureKind"/>.</summary>
public static class FailureKindText
{
    public static string Describe(this FailureKind kind) => kind switch
    {
        FailureKind.DiskFull => "disk full",
        FailureKind.ReadOnly => "disk read-only or not writable",
        FailureKind.MissingFile => "file or folder missing",
        FailureKind.InvalidParameter => "parameter out of range",
        FailureKind.OutOfMemory => "out of memory",
        FailureKind.WorkloadLoad => "workload does not load",
        FailureKind.Training => "error while training",
        FailureKind.WorkerLost => "worker stopped answering",
        _ => kind.ToString(),
    };
}

namespace HyperSearch.Core.Faults;

/// <summary>
/// Sorts the exception that failed a trial into a <see cref="FailureKind"/> from the exception chain's
/// types and operating-system error codes, not from its wording (which varies per trial; the one
/// exception is libtorch's out-of-memory error, which has no type of its own): the kinds
/// about the machine (memory, disk) first, wherever they sit in the chain, then a missing file, then a
/// bad argument; anything else is a load error when training had not begun, a training error after.
/// </summary>
public static class FailureClassifier
{
    // errno values on Linux (IOException.HResult carries the raw errno on Unix) and the Win32 codes as HRESULTs.
    private const int Enospc = 28, Erofs = 30, Edquot = 122;
    private const int WinDiskFull = unchecked((int)0x80070070), WinHandleDiskFull = unchecked((int)0x80070027), WinWriteProtect = unchecked((int)0x80070013);

    /// <param name="started">Whether the trial's first epoch had begun (its data and model were loaded).</param>
    public static FailureKind Classify(Exception exception, bool started)
    {
        var chain = Chain(exception).ToList();
        if (chain.Any(IsOutOfMemory)) return FailureKind.OutOfMemory;
        if (chain.Any(e => e is IOException { HResult: Enospc or Edquot or WinDiskFull or WinHandleDiskFull })) return FailureKind.DiskFull;
        if (chain.Any(e => e is UnauthorizedAccessException or IOException { HResult: Erofs or WinWriteProtect })) return FailureKind.ReadOnly;
        if (chain.Any(e => e is FileNotFoundException or DirectoryNotFoundException)) return FailureKind.MissingFile;
        if (chain.Any(e => e is ArgumentException)) return FailureKind.InvalidParameter;
        return started ? FailureKind.Training : FailureKind.WorkloadLoad;
    }

    // libtorch reports exhausted memory as its own error text ("CUDA out of memory", "DefaultCPUAllocator:
    // can't allocate memory"), wrapped in a generic exception: that text is the only sign there is.
    private static bool IsOutOfMemory(Exception e) =>
        e is OutOfMemoryException
        || e.Message.Contains("out of memory", StringComparison.OrdinalIgnoreCase)
        || e.Message.Contains("can't allocate memory", StringComparison.OrdinalIgnoreCase);

    private static IEnumerable<Exception> Chain(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            yield return e;
            if (e is AggregateException aggregate)
            {
                foreach (var inner in aggregate.InnerExceptions.SelectMany(Chain)) yield return inner;
                yield break;
            }
        }
    }
}

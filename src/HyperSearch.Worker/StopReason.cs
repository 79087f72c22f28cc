namespace HyperSearch.Worker;

/// <summary>Why a running trial's token was cancelled; decides what the runner writes afterwards.</summary>
public enum StopReason
{
    None,
    /// <summary>A user cancelled the trial or its search: finish it as Cancelled.</summary>
    Cancelled,
    /// <summary>The lease was lost (expired and re-queued): write nothing, the retry owns the trial.</summary>
    LeaseLost,
    /// <summary>The worker is stopping: give the trial back to the queue without using an attempt.</summary>
    Shutdown,
}

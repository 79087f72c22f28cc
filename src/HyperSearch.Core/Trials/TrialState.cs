namespace HyperSearch.Core.Trials;

/// <summary>Queued → Running → Completed | Pruned | Diverged | Failed | Cancelled.</summary>
public enum TrialState
{
    Queued,
    Running,
    Completed,
    Pruned,
    Diverged,
    Failed,
    Cancelled,
}

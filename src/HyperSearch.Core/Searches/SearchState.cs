namespace HyperSearch.Core.Searches;

/// <summary>
/// Running → (Paused ⇄ Running) → Evaluating (the best trial's held-out test run) → Completed;
/// Cancelled by a user; Failed when even the test run could not be done.
/// </summary>
public enum SearchState
{
    Running,
    Paused,
    Evaluating,
    Completed,
    Cancelled,
    Failed,
}

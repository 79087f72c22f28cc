namespace HyperSearch.Core.Searches;

/// <summary>
/// A search's own trials count towards its budget and ranking; the single TestRun re-trains the
/// best trial's config (same seed) and evaluates the held-out test set once, for reporting only.
/// </summary>
public enum TrialKind
{
    Search,
    TestRun,
}

namespace HyperSearch.Core.Faults;

/// <summary>
/// Tells a database fault that passes (a busy or locked SQLite file, a PostgreSQL restart, a dropped
/// connection) from one that retrying cannot fix (a constraint, a bad query). Each provider knows its
/// own codes; callers retry the first kind (workers) or answer 503 (the API).
/// </summary>
public interface ITransientFaultDetector
{
    /// <summary>True when <paramref name="exception"/> or one of its inner exceptions is a passing database fault.</summary>
    bool IsTransient(Exception exception);

    /// <summary>A short reason for logs and the Queue page ("database is locked", "connection refused").</summary>
    string Describe(Exception exception);
}

namespace HyperSearch.Core.Searches;

/// <summary>
/// A worker, whether its heartbeat is recent (within the lease), and all its slots. <see cref="Problem"/>
/// and <see cref="ProblemSince"/>: the worker cannot write to the database (e.g. "database is locked") and
/// said so beside it (SQLite: a file next to the database), so it is alive though its heartbeat is old.
/// </summary>
public sealed record WorkerView(
    string Id,
    string Host,
    int ProcessId,
    DateTimeOffset StartedAt,
    DateTimeOffset HeartbeatAt,
    bool Alive,
    IReadOnlyList<SlotView> Slots,
    string? Problem = null,
    DateTimeOffset? ProblemSince = null);

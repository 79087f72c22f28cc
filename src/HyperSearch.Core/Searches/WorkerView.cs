namespace HyperSearch.Core.Searches;

/// <summary>A worker, whether its heartbeat is recent (within the lease), and all its slots.</summary>
public sealed record WorkerView(
    string Id,
    string Host,
    int ProcessId,
    DateTimeOffset StartedAt,
    DateTimeOffset HeartbeatAt,
    bool Alive,
    IReadOnlyList<SlotView> Slots);

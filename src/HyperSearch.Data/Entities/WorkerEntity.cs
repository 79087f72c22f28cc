namespace HyperSearch.Data.Entities;

/// <summary>A worker process. DevicesJson: [{"device":"cpu","slots":2,"backingOff":[{"slot":1,"problem":"database is locked","since":…}]}, …] (Store/StoredDevice).</summary>
public sealed class WorkerEntity
{
    public required string Id { get; set; }
    public required string Host { get; set; }
    public int ProcessId { get; set; }
    public required string DevicesJson { get; set; }
    public DateTimeOffset StartedAt { get; set; }
    public DateTimeOffset HeartbeatAt { get; set; }
    public DateTimeOffset? StoppedAt { get; set; }
}

namespace HyperSearch.Data.Entities;

/// <summary>One action someone took: who, what, on which search (if any), when.</summary>
public sealed class AuditEntryEntity
{
    public long Id { get; set; }
    public DateTimeOffset At { get; set; }
    /// <summary>The account's name at the time ("local" in open loopback mode).</summary>
    public required string Actor { get; set; }
    public required string Action { get; set; }
    public long? SearchId { get; set; }
    public required string Detail { get; set; }
}

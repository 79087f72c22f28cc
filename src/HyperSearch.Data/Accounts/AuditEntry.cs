namespace HyperSearch.Data.Accounts;

public sealed record AuditEntry(long Id, DateTimeOffset At, string Actor, string Action, long? SearchId, string Detail);

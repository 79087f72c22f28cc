using HyperSearch.Data.Accounts;

namespace HyperSearch.Web.Accounts;

public sealed class DatabaseAuditTrail(AuditLog log) : IAuditTrail
{
    public Task RecordAsync(string actor, string action, long? searchId, string detail) => log.RecordAsync(actor, action, searchId, detail);
}

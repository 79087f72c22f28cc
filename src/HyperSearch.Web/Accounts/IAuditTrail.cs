namespace HyperSearch.Web.Accounts;

/// <summary>Where the pages write their audit entries (the database's <see cref="Data.Accounts.AuditLog"/>; a list in component tests).</summary>
public interface IAuditTrail
{
    Task RecordAsync(string actor, string action, long? searchId, string detail);
}

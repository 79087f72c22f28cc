using HyperSearch.Web.Accounts;

namespace HyperSearch.Web.Tests.Fakes;

public sealed class ListAuditTrail : IAuditTrail
{
    public List<string> Entries { get; } = [];

    public Task RecordAsync(string actor, string action, long? searchId, string detail)
    {
        lock (Entries) Entries.Add($"{actor} {action} {searchId} {detail}".TrimEnd());
        return Task.CompletedTask;
    }
}

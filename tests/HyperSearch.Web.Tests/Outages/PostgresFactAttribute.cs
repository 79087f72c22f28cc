namespace HyperSearch.Web.Tests.Outages;

/// <summary>A fact that needs PostgreSQL (scripts/test-postgres.sh); skipped, with the reason shown, when the CI script did not start one.</summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (PostgresTheoryAttribute.SkipReason() is { } reason) Skip = reason;
    }
}

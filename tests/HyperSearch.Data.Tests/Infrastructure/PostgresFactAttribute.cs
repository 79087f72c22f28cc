namespace HyperSearch.Data.Tests.Infrastructure;

/// <summary>A fact that needs the PostgreSQL cluster; skipped, with the reason shown, when none is configured.</summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (TestDatabase.PostgresAdmin is null)
            Skip = $"{TestDatabase.PostgresVariable} is not set: run scripts/test-postgres.sh start (the CI test script does) to run the PostgreSQL tests";
    }
}

namespace HyperSearch.Cli.Tests.Queue;

/// <summary>A fact that needs the PostgreSQL cluster; skipped, with the reason shown, when none is configured.</summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (QueueDatabase.PostgresAdmin is null)
            Skip = $"{QueueDatabase.PostgresVariable} is not set: run scripts/test-postgres.sh start (the CI test script does) to run the PostgreSQL tests";
    }
}

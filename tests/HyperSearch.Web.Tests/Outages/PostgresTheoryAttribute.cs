namespace HyperSearch.Web.Tests.Outages;

/// <summary>A theory that needs PostgreSQL (scripts/test-postgres.sh); skipped, with the reason shown, when the CI script did not start one.</summary>
public sealed class PostgresTheoryAttribute : TheoryAttribute
{
    public PostgresTheoryAttribute()
    {
        if (SkipReason() is { } reason) Skip = reason;
    }

    internal static string? SkipReason() =>
        string.IsNullOrEmpty(Environment.GetEnvironmentVariable("HYPERSEARCH_TEST_POSTGRES"))
            ? "HYPERSEARCH_TEST_POSTGRES is not set: run scripts/test-postgres.sh start (the CI test script does) to run the PostgreSQL tests"
            : null;
}

using Microsoft.Extensions.Configuration;

namespace HyperSearch.Data.Tests;

/// <summary>A mistyped connection string is one line naming the setting and the keyword, for both providers.</summary>
public class ConnectionStringProblemTests
{
    private static string? Problem(DatabaseProvider provider, string connectionString) =>
        DatabaseSettings.Problem(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["HyperSearch:Database:Provider"] = provider.ToString().ToLowerInvariant(),
            ["HyperSearch:Database:ConnectionString"] = connectionString,
        }).Build());

    [Theory]
    [InlineData(DatabaseProvider.Sqlite, "Data Source=data/hypersearch.db")]
    [InlineData(DatabaseProvider.Sqlite, "Data Source=:memory:")]
    [InlineData(DatabaseProvider.Postgres, "Host=db;Port=5432;Database=hs;Username=u;Password=p")]
    public void Valid_NoProblem(DatabaseProvider provider, string connectionString) => Assert.Null(Problem(provider, connectionString));

    [Fact]
    public void Postgres_UnknownKeyword_NamesSettingAndKeyword() =>
        Assert.Equal("HyperSearch:Database:ConnectionString: 'hostx' is not a connection-string keyword of this provider",
            Problem(DatabaseProvider.Postgres, "Hostx=db;Database=hs"));

    [Fact]
    public void Postgres_BadValue_NamesSettingKeywordAndValue()
    {
        var problem = Problem(DatabaseProvider.Postgres, "Host=db;Port=abc");

        Assert.StartsWith("HyperSearch:Database:ConnectionString: 'port': ", problem);
        Assert.Contains("'abc'", problem);
    }

    [Fact]
    public void Sqlite_UnknownKeyword_NamesSettingAndKeyword()
    {
        var problem = Problem(DatabaseProvider.Sqlite, "Data Source=x.db;Bogus=1");

        Assert.StartsWith("HyperSearch:Database:ConnectionString: ", problem);
        Assert.Contains("'bogus'", problem);
    }

    [Fact]
    public void NotAConnectionString_NamesSetting() =>
        Assert.StartsWith("HyperSearch:Database:ConnectionString: ", Problem(DatabaseProvider.Postgres, "garbage"));

    [Fact]
    public void Normalize_BadString_ThrowsWithoutInnerException()
    {
        // The CLI prints the base exception's message: an inner exception would hide the setting's name.
        var e = Assert.Throws<InvalidOperationException>(() => DbContextOptionsFactory.NormalizePostgres("Hostx=db"));

        Assert.Null(e.InnerException);
    }
}

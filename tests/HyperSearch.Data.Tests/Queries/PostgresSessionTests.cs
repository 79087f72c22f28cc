using HyperSearch.Data.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace HyperSearch.Data.Tests.Queries;

/// <summary>HyperSearch's PostgreSQL sessions run without JIT unless the operator's connection string says otherwise.</summary>
public class PostgresSessionTests
{
    [Fact]
    public void NormalizePostgres_WithoutOptions_TurnsJitOff()
    {
        var csb = new NpgsqlConnectionStringBuilder(DbContextOptionsFactory.NormalizePostgres("Host=db;Database=hs;Username=u"));

        Assert.Equal("-c jit=off", csb.Options);
        Assert.Equal("db", csb.Host);
    }

    [Fact]
    public void NormalizePostgres_OperatorSetsJit_KeepsTheirOptions()
    {
        var csb = new NpgsqlConnectionStringBuilder(DbContextOptionsFactory.NormalizePostgres("Host=db;Options=-c jit=on -c work_mem=8MB"));

        Assert.Equal("-c jit=on -c work_mem=8MB", csb.Options);
    }

    [Fact]
    public void NormalizePostgres_OperatorOptionsWithoutJit_AppendsJitOff()
    {
        var csb = new NpgsqlConnectionStringBuilder(DbContextOptionsFactory.NormalizePostgres("Host=db;Options=-c search_path=hs"));

        Assert.Equal("-c search_path=hs -c jit=off", csb.Options);
    }

    [PostgresFact]
    public async Task Session_OnTheRealServer_HasJitOff()
    {
        await using var db = await TestDatabase.CreateAsync("postgres");
        await using var context = await db.Factory.CreateDbContextAsync();
        var connection = context.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT current_setting('jit')";

        Assert.Equal("off", await command.ExecuteScalarAsync());
    }
}

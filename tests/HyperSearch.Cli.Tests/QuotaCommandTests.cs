namespace HyperSearch.Cli.Tests;

/// <summary><c>hypersearch team quota</c>: sets, keeps and clears a team's weight and caps; bad values name their field.</summary>
public sealed class QuotaCommandTests : IDisposable
{
    private readonly string db = Path.Combine(Path.GetTempPath(), $"hypersearch-quota-{Guid.NewGuid():N}.db");

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var file in Directory.GetFiles(Path.GetTempPath(), Path.GetFileName(db) + "*")) File.Delete(file);
    }

    [Fact]
    public async Task Quota_SetThenPartlyChanged_OtherValuesKeptNoneClearsACap()
    {
        await CliRunner.RunAsync("team", "add", "vision", "--db", db);

        var set = await CliRunner.RunAsync("team", "quota", "vision", "--weight", "2", "--cuda", "2", "--cpu", "4", "--db", db);
        var change = await CliRunner.RunAsync("team", "quota", "vision", "--cpu", "none", "--db", db);
        var list = await CliRunner.RunAsync("team", "list", "--db", db);

        Assert.Equal((0, "vision: weight 2, cpu 4, cuda 2"), (set.Exit, set.Output.Trim()));
        Assert.Equal((0, "vision: weight 2, cpu no cap, cuda 2"), (change.Exit, change.Output.Trim()));
        Assert.Contains("default:   (weight 1, cpu no cap, cuda no cap)", list.Output);
        Assert.Contains("vision:   (weight 2, cpu no cap, cuda 2)", list.Output);
    }

    [Fact]
    public async Task Quota_BadValuesOrUnknownTeam_ExitCode2NamingEachField()
    {
        await CliRunner.RunAsync("team", "add", "vision", "--db", db);

        var bad = await CliRunner.RunAsync("team", "quota", "vision", "--weight", "0", "--cpu", "-3", "--cuda", "lots", "--db", db);
        var range = await CliRunner.RunAsync("team", "quota", "vision", "--weight", "0", "--cpu", "3", "--db", db);
        var unknown = await CliRunner.RunAsync("team", "quota", "nobody", "--weight", "2", "--db", db);

        Assert.Equal(2, bad.Exit);
        Assert.Equal(["cpu: must be a whole number of slots or 'none', not '-3'", "cuda: must be a whole number of slots or 'none', not 'lots'"],
            bad.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.Equal((2, "weight: must be between 1 and 1000"), (range.Exit, range.Error.Trim()));
        Assert.Equal((2, "team: no team named 'nobody'"), (unknown.Exit, unknown.Error.Trim()));
    }
}

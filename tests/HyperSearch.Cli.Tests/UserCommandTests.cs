using HyperSearch.Cli.Commands;
using HyperSearch.Cli.Hosting;

namespace HyperSearch.Cli.Tests;

public sealed class UserCommandTests : IDisposable
{
    private readonly string db = Path.Combine(Path.GetTempPath(), $"hypersearch-users-{Guid.NewGuid():N}.db");

    public void Dispose()
    {
        foreach (var file in Directory.GetFiles(Path.GetTempPath(), Path.GetFileName(db) + "*")) File.Delete(file);
    }

    private async Task<(int Exit, string Output, string Error)> AddAsync(string name, bool admin, string? password)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await UserCommand.AddAsync(name, admin, password, new CliConsole(output, error, db), CancellationToken.None);
        return (exit, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task Add_NoPassword_RefusedBeforeTouchingTheDatabase()
    {
        var (exit, _, error) = await AddAsync("root", admin: true, password: "");

        Assert.Equal(CliConsole.InputError, exit);
        Assert.StartsWith("password: must not be empty", error);
        Assert.False(File.Exists(db));
    }

    [Fact]
    public async Task Add_WeakPassword_NamesThePasswordField()
    {
        var (exit, _, error) = await AddAsync("root", admin: true, password: "short");

        Assert.Equal(CliConsole.InputError, exit);
        Assert.Contains("password: Passwords must be at least 10 characters.", error);
    }

    [Fact]
    public async Task Add_ThenSameNameAgain_SecondRefusedNamingTheName_TeamMemberWorks()
    {
        var first = await AddAsync("root", admin: true, password: "a-good-password-1");
        var second = await AddAsync("Root", admin: false, password: "a-good-password-1");
        var team = await CliRunner.RunAsync("team", "add", "vision", "--db", db);
        var member = await CliRunner.RunAsync("team", "member", "vision", "root", "--role", "lead", "--db", db);
        var list = await CliRunner.RunAsync("team", "list", "--db", db);

        Assert.Equal((0, "created admin account 'root'"), (first.Exit, first.Output.Trim()));
        Assert.Equal(CliConsole.InputError, second.Exit);
        Assert.StartsWith("name: ", second.Error);
        Assert.Equal(0, team.Exit);
        Assert.Equal(0, member.Exit);
        Assert.Contains("vision: root (lead)", list.Output);
    }
}

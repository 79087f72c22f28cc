using System.CommandLine;
using HyperSearch.Cli.Hosting;
using HyperSearch.Core.Access;
using HyperSearch.Data.Accounts;
using Microsoft.Extensions.DependencyInjection;

namespace HyperSearch.Cli.Commands;

/// <summary><c>hypersearch team add|member|list</c>: the same operations as the Teams admin page, on the database directly.</summary>
public static class TeamCommand
{
    public static Command Create()
    {
        var command = new Command("team", "Teams and their members (an admin's job; the dashboard's Teams page does the same).");
        command.Subcommands.Add(AddCommand());
        command.Subcommands.Add(MemberCommand());
        command.Subcommands.Add(ListCommand());
        return command;
    }

    private static Option<string?> DbOption() =>
        new("--db") { Description = "Database: a SQLite file / 'Data Source=…', or an Npgsql connection string (Host=…)." };

    private static Command AddCommand()
    {
        var name = new Argument<string>("name");
        var db = DbOption();
        var command = new Command("add", "Create a team.");
        command.Arguments.Add(name);
        command.Options.Add(db);
        command.SetAction((parse, ct) => RunAsync(parse, db, async (teams, console) =>
        {
            var (id, error) = await teams.CreateTeamAsync(parse.GetValue(name)!, ct);
            if (error is not null) { console.Error.WriteLine(error); return CliConsole.InputError; }
            console.Output.WriteLine($"created team {id}");
            return CliConsole.Ok;
        }, ct));
        return command;
    }

    private static Command MemberCommand()
    {
        var team = new Argument<string>("team");
        var user = new Argument<string>("user");
        var role = new Option<TeamRole>("--role") { Description = "viewer, member or lead.", DefaultValueFactory = _ => TeamRole.Member };
        var db = DbOption();
        var command = new Command("member", "Add an account to a team, or change its role there.");
        command.Arguments.Add(team);
        command.Arguments.Add(user);
        command.Options.Add(role);
        command.Options.Add(db);
        command.SetAction((parse, ct) => RunAsync(parse, db, async (teams, console) =>
        {
            var error = await teams.SetMemberAsync(parse.GetValue(team)!, parse.GetValue(user)!, parse.GetValue(role), ct);
            if (error is not null) { console.Error.WriteLine(error); return CliConsole.InputError; }
            console.Output.WriteLine($"{parse.GetValue(user)} is {parse.GetValue(role).ToString().ToLowerInvariant()} of {parse.GetValue(team)}");
            return CliConsole.Ok;
        }, ct));
        return command;
    }

    private static Command ListCommand()
    {
        var db = DbOption();
        var command = new Command("list", "Teams and their members.");
        command.Options.Add(db);
        command.SetAction((parse, ct) => RunAsync(parse, db, async (teams, console) =>
        {
            foreach (var t in await teams.ListAsync(ct))
                console.Output.WriteLine($"{t.Id,4}  {t.Name}: {string.Join(", ", t.Members.Select(m => $"{m.UserName} ({m.Role.ToString().ToLowerInvariant()})"))}");
            return CliConsole.Ok;
        }, ct));
        return command;
    }

    private static Task<int> RunAsync(ParseResult parse, Option<string?> db, Func<TeamDirectory, CliConsole, Task<int>> action, CancellationToken ct)
    {
        var console = new CliConsole(parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error, parse.GetValue(db));
        return CliGuard.RunAsync(console, async () =>
        {
            await using var services = await AccountServices.CreateAsync(console.Configuration(), ct);
            return await action(services.GetRequiredService<TeamDirectory>(), console);
        });
    }
}

using System.CommandLine;
using System.Globalization;
using HyperSearch.Cli.Hosting;
using HyperSearch.Core.Access;
using HyperSearch.Core.FairShare;
using HyperSearch.Data.Accounts;
using Microsoft.Extensions.DependencyInjection;

namespace HyperSearch.Cli.Commands;

/// <summary><c>hypersearch team add|member|quota|list</c>: the same operations as the Teams admin page, on the database directly.</summary>
public static class TeamCommand
{
    public static Command Create()
    {
        var command = new Command("team", "Teams and their members (an admin's job; the dashboard's Teams page does the same).");
        command.Subcommands.Add(AddCommand());
        command.Subcommands.Add(MemberCommand());
        command.Subcommands.Add(QuotaCommand());
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

    private static Command QuotaCommand()
    {
        var team = new Argument<string>("team");
        var weight = new Option<int?>("--weight") { Description = "The team's weight in the fair share of the devices (1–1000; new teams: 1)." };
        var cpu = new Option<string?>("--cpu") { Description = "Most CPU slots the team holds at once, or 'none' for no cap." };
        var cuda = new Option<string?>("--cuda") { Description = "Most CUDA slots the team holds at once, or 'none' for no cap." };
        var db = DbOption();
        var command = new Command("quota", "Set a team's weight and slot caps per device kind; options not given keep their value.");
        command.Arguments.Add(team);
        command.Options.Add(weight);
        command.Options.Add(cpu);
        command.Options.Add(cuda);
        command.Options.Add(db);
        command.SetAction((parse, ct) => RunAsync(parse, db, async (teams, console) =>
        {
            var name = parse.GetValue(team)!;
            var current = (await teams.ListAsync(ct)).FirstOrDefault(t => t.Name == name.Trim())?.Quota;
            if (current is null) { console.Error.WriteLine($"team: no team named '{name}'"); return CliConsole.InputError; }
            var errors = new List<string>();
            var quota = current with
            {
                Weight = parse.GetValue(weight) ?? current.Weight,
                CpuSlots = Cap(parse.GetValue(cpu), DeviceKind.Cpu, current.CpuSlots, errors),
                CudaSlots = Cap(parse.GetValue(cuda), DeviceKind.Cuda, current.CudaSlots, errors),
            };
            if (errors.Count == 0) errors.AddRange(await teams.SetQuotaAsync(name, quota, ct));
            foreach (var error in errors) console.Error.WriteLine(error);
            if (errors.Count > 0) return CliConsole.InputError;
            console.Output.WriteLine($"{name.Trim()}: {quota}");
            return CliConsole.Ok;
        }, ct));
        return command;
    }

    /// <summary>A cap switch: absent keeps the current cap, 'none' removes it, a number sets it.</summary>
    private static int? Cap(string? text, string field, int? current, List<string> errors)
    {
        if (text is null) return current;
        if (text.Equals("none", StringComparison.OrdinalIgnoreCase)) return null;
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var slots)) return slots;
        errors.Add($"{field}: must be a whole number of slots or 'none', not '{text}'");
        return current;
    }

    private static Command ListCommand()
    {
        var db = DbOption();
        var command = new Command("list", "Teams and their members.");
        command.Options.Add(db);
        command.SetAction((parse, ct) => RunAsync(parse, db, async (teams, console) =>
        {
            foreach (var t in await teams.ListAsync(ct))
                console.Output.WriteLine($"{t.Id,4}  {t.Name}: {string.Join(", ", t.Members.Select(m => $"{m.UserName} ({m.Role.ToString().ToLowerInvariant()})"))}  ({t.Quota})");
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

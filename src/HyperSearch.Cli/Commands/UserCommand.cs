using System.CommandLine;
using HyperSearch.Cli.Hosting;
using HyperSearch.Data.Entities;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace HyperSearch.Cli.Commands;

/// <summary><c>hypersearch user add [--admin] &lt;name&gt;</c>: the first-run way to create the admin (docs/teams.md).</summary>
public static class UserCommand
{
    public static Command Create()
    {
        var command = new Command("user", "Accounts of the dashboard and the API.");
        command.Subcommands.Add(AddCommand());
        return command;
    }

    private static Command AddCommand()
    {
        var name = new Argument<string>("name") { Description = "User name (letters, digits, - . _ @)." };
        var admin = new Option<bool>("--admin") { Description = "The account administers everything: teams, members, quotas, every search." };
        var db = new Option<string?>("--db") { Description = "Database: a SQLite file / 'Data Source=…', or an Npgsql connection string (Host=…)." };
        var command = new Command("add", "Create an account; the password is read from stdin when redirected, else prompted for twice.");
        command.Arguments.Add(name);
        command.Options.Add(admin);
        command.Options.Add(db);
        command.SetAction((parse, ct) =>
        {
            var console = new CliConsole(parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error, parse.GetValue(db));
            var password = PasswordReader.Read(Console.In, console.Error, interactive: !Console.IsInputRedirected);
            return AddAsync(parse.GetValue(name)!, parse.GetValue(admin), password, console, ct);
        });
        return command;
    }

    public static Task<int> AddAsync(string name, bool admin, string? password, CliConsole console, CancellationToken cancellationToken) =>
        CliGuard.RunAsync(console, async () =>
        {
            if (string.IsNullOrEmpty(password))
            {
                console.Error.WriteLine("password: must not be empty (type it at the prompt, or pipe it on stdin)");
                return CliConsole.InputError;
            }
            await using var services = await AccountServices.CreateAsync(console.Configuration(), cancellationToken);
            await using var scope = services.CreateAsyncScope();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<UserEntity>>();
            var result = await users.CreateAsync(new UserEntity { UserName = name.Trim(), IsAdmin = admin }, password);
            if (!result.Succeeded)
            {
                foreach (var error in result.Errors)
                    console.Error.WriteLine($"{(error.Code.Contains("Password", StringComparison.Ordinal) ? "password" : "name")}: {error.Description}");
                return CliConsole.InputError;
            }
            console.Output.WriteLine($"created {(admin ? "admin " : "")}account '{name.Trim()}'");
            return CliConsole.Ok;
        });
}

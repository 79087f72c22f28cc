using System.CommandLine;
using HyperSearch.Cli.Hosting;

namespace HyperSearch.Cli.Commands;

/// <summary>
/// <c>hypersearch search create|list|show|cancel|export</c>. Exit codes: 0 done, 1 the search
/// ended badly (failed/cancelled while waiting), 2 bad input (spec, id, format) — nothing written.
/// </summary>
public static class SearchCommand
{
    public static Command Create()
    {
        var command = new Command("search", "Create, list, show, cancel and export searches.");
        command.Subcommands.Add(CreateCommand());
        command.Subcommands.Add(ListCommand());
        command.Subcommands.Add(ShowCommand());
        command.Subcommands.Add(CancelCommand());
        command.Subcommands.Add(ExportCommand());
        return command;
    }

    private static Option<string?> DbOption() =>
        new("--db") { Description = "Database: a SQLite file / 'Data Source=…', an Npgsql connection string (Host=…), or env:VAR / file:PATH holding one (keeps passwords off the command line)." };

    private static Option<string?> ServerOption() =>
        new("--server") { Description = "Talk to this HyperSearch server (its REST API, authorised by --token) instead of the database." };

    private static Option<string?> TokenOption() =>
        new("--token") { Description = $"Personal access token for --server (from the profile page); default: ${ServerApi.TokenVariable}." };

    private static Argument<long> IdArgument() => new("id") { Description = "Search id (see 'search list')." };

    private static Command CreateCommand()
    {
        var spec = new Option<FileInfo>("--spec") { Description = "Spec JSON: search settings + \"space\".", Required = true };
        var wait = new Option<bool>("--wait") { Description = "Wait with a progress bar until the search ends; runs an in-process worker if none is alive." };
        var db = DbOption();
        var command = new Command("create", "Create a search from a spec file.");
        command.Options.Add(spec);
        command.Options.Add(wait);
        command.Options.Add(db);
        command.SetAction((parse, ct) => SearchCreateAction.RunAsync(
            parse.GetRequiredValue(spec), parse.GetValue(wait), Console(parse, db), ct));
        return command;
    }

    private static Command ListCommand()
    {
        var db = DbOption();
        var server = ServerOption();
        var token = TokenOption();
        var command = new Command("list", "List searches, newest first.");
        command.Options.Add(db);
        command.Options.Add(server);
        command.Options.Add(token);
        command.SetAction((parse, ct) => ViaServerOr(parse, db, server, token, (api, console) => api.ListAsync(console, ct),
            console => SearchReadActions.ListAsync(console, ct)));
        return command;
    }

    private static Command ShowCommand()
    {
        var id = IdArgument();
        var json = new Option<bool>("--json") { Description = "Print the search, its spec and its ranked trials as JSON." };
        var db = DbOption();
        var command = new Command("show", "Show a search and its best trials.");
        command.Arguments.Add(id);
        command.Options.Add(json);
        command.Options.Add(db);
        command.SetAction((parse, ct) => SearchReadActions.ShowAsync(parse.GetValue(id), parse.GetValue(json), Console(parse, db), ct));
        return command;
    }

    private static Command CancelCommand()
    {
        var id = IdArgument();
        var db = DbOption();
        var server = ServerOption();
        var token = TokenOption();
        var command = new Command("cancel", "Cancel a search: queued trials end now, running ones at their next epoch.");
        command.Arguments.Add(id);
        command.Options.Add(db);
        command.Options.Add(server);
        command.Options.Add(token);
        command.SetAction((parse, ct) => ViaServerOr(parse, db, server, token, (api, console) => api.CancelAsync(parse.GetValue(id), console, ct),
            console => SearchReadActions.CancelAsync(parse.GetValue(id), console, ct)));
        return command;
    }

    private static Command ExportCommand()
    {
        var id = IdArgument();
        var format = new Option<string>("--format") { Description = "csv or json.", Required = true };
        format.AcceptOnlyFromAmong("csv", "json");
        var output = new Option<FileInfo?>("--output", "-o") { Description = "Write to this file instead of stdout." };
        var db = DbOption();
        var command = new Command("export", "Export a search's ranked trials.");
        command.Arguments.Add(id);
        command.Options.Add(format);
        command.Options.Add(output);
        command.Options.Add(db);
        command.SetAction((parse, ct) => SearchExportAction.RunAsync(
            parse.GetValue(id), parse.GetRequiredValue(format), parse.GetValue(output), Console(parse, db), ct));
        return command;
    }

    /// <summary>With --server the command goes through the server's API (authorised there); else to the database.</summary>
    private static async Task<int> ViaServerOr(ParseResult parse, Option<string?> db, Option<string?> server, Option<string?> token,
        Func<ServerApi, CliConsole, Task<int>> remote, Func<CliConsole, Task<int>> local)
    {
        var console = Console(parse, db);
        using var api = ServerApi.From(parse.GetValue(server), parse.GetValue(token), console, out var exit);
        if (exit != CliConsole.Ok) return exit;
        if (api is null) return await local(console);
        try
        {
            return await remote(api, console);
        }
        catch (HttpRequestException e)
        {
            console.Error.WriteLine($"hypersearch: {e.Message}");
            return CliConsole.Failed;
        }
    }

    private static CliConsole Console(ParseResult parse, Option<string?> db) =>
        new(parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error, parse.GetValue(db));
}

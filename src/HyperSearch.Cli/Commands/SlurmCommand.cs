using System.CommandLine;
using HyperSearch.Cli.Hosting;
using HyperSearch.Core.Settings;
using HyperSearch.Data;
using HyperSearch.Worker.Slurm;

namespace HyperSearch.Cli.Commands;

/// <summary>
/// <c>hypersearch slurm run [--db &lt;connection&gt;]</c>: the Slurm executor on its own (on a Slurm submit
/// host, when the dashboard runs elsewhere): submits worker jobs while trials wait, cancels those no trial
/// needs, until stopped. Settings: HyperSearch:Slurm (docs/queue.md, "On a Slurm cluster"); Enabled is implied.
/// </summary>
public static class SlurmCommand
{
    public static Command Create()
    {
        var db = new Option<string?>("--db") { Description = "Database: a SQLite file / 'Data Source=…', an Npgsql connection string (Host=…), or env:VAR / file:PATH holding one. The jobs' workers use the same." };
        var run = new Command("run", "Run the Slurm executor: submit `hypersearch worker` jobs while trials wait for slots.");
        run.Options.Add(db);
        run.SetAction((parse, cancellationToken) => RunAsync(parse.GetValue(db), parse.InvocationConfiguration.Error, cancellationToken));
        var command = new Command("slurm", "Workers placed by Slurm (see docs/queue.md, \"On a Slurm cluster\").");
        command.Subcommands.Add(run);
        return command;
    }

    private static async Task<int> RunAsync(string? db, TextWriter error, CancellationToken cancellationToken)
    {
        Dictionary<string, string?> switches;
        try
        {
            switches = CliConfiguration.DatabaseSwitch(db);
        }
        catch (ArgumentException e)
        {
            error.WriteLine(e.Message);
            return CliConsole.InputError;
        }
        switches[$"{SlurmSettings.Section}:Enabled"] = "true";
        var configuration = CliConfiguration.Build(switches);
        var problems = new List<string>();
        if (DatabaseSettings.Problem(configuration) is { } database) problems.Add(database);
        problems.AddRange(SettingsException.Of(() => SlurmSettings.From(configuration)));
        if (problems.Count > 0)
        {
            foreach (var line in problems) error.WriteLine(line);
            return CliConsole.InputError;
        }

        return await LongRunningHost.RunAsync(configuration, "HyperSearch.Slurm", services => services.AddHyperSearchSlurm(configuration), cancellationToken);
    }
}

using System.CommandLine;
using HyperSearch.Cli.Hosting;
using HyperSearch.Core.Settings;
using HyperSearch.Data;
using HyperSearch.Worker.Slurm;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace HyperSearch.Cli.Commands;

/// <summary>
/// <c>hypersearch slurm run [--db &lt;connection&gt;]</c>: the Slurm executor on its own (on a Slurm submit
/// host, when the dashboard runs elsewhere): submits worker jobs while trials wait, cancels those no trial
/// needs, until stopped. Settings: HyperSearch:Slurm (docs/queue.md, "On a Slurm cluster"); Enabled is implied.
/// </summary>
public static class SlurmCommand
{
    private const int InputError = 2;

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
            return InputError;
        }
        switches[$"{SlurmSettings.Section}:Enabled"] = "true";
        var configuration = CliConfiguration.Build(switches);
        var problems = new List<string>();
        if (DatabaseSettings.Problem(configuration) is { } database) problems.Add(database);
        problems.AddRange(SettingsException.Of(() => SlurmSettings.From(configuration)));
        if (problems.Count > 0)
        {
            foreach (var line in problems) error.WriteLine(line);
            return InputError;
        }

        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.AddConfiguration(configuration);
        builder.Logging.AddConfiguration(configuration.GetSection("Logging"));
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
        builder.Services.Configure<ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Services.AddHyperSearchData(configuration);
        builder.Services.AddHyperSearchSlurm(configuration);
        using var host = builder.Build();
        var log = host.Services.GetRequiredService<ILoggerFactory>().CreateLogger("HyperSearch.Slurm");
        try
        {
            await host.Services.MigrateWhenReachableAsync(line => log.LogWarning("{Line}", line), cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return 0;
        }
        await host.RunAsync(cancellationToken);
        return 0;
    }
}

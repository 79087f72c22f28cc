using System.CommandLine;
using HyperSearch.Cli.Hosting;
using HyperSearch.Core.Settings;
using HyperSearch.Data;
using HyperSearch.Training;
using HyperSearch.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace HyperSearch.Cli.Commands;

/// <summary>
/// <c>hypersearch worker [--devices cpu:2,cuda:0:1] [--db &lt;connection&gt;] [--exit-when-idle &lt;seconds&gt;]</c>:
/// a standalone worker that claims trials from the shared queue until stopped (or idle that long) (Ctrl+C / SIGTERM give running trials
/// back to the queue; a killed worker's trials come back when their lease expires).
/// </summary>
public static class WorkerCommand
{
    private const int InputError = 2;

    public static Command Create()
    {
        var devices = new Option<string?>("--devices") { Description = "Devices and slots, e.g. cpu:2,cuda:0:1 (default: HyperSearch:Worker:Devices)." };
        var db = new Option<string?>("--db") { Description = "Database: a SQLite file / 'Data Source=…', an Npgsql connection string (Host=…), or env:VAR / file:PATH holding one (keeps passwords off the command line)." };
        var exitWhenIdle = new Option<double?>("--exit-when-idle") { Description = "Stop once no slot has had a trial for this many seconds (a worker started by Slurm frees its GPUs; default: serve until stopped)." };
        var command = new Command("worker", "Run a standalone worker that claims trials from the shared queue.");
        command.Options.Add(devices);
        command.Options.Add(db);
        command.Options.Add(exitWhenIdle);
        command.SetAction((parse, cancellationToken) => RunAsync(parse.GetValue(devices), parse.GetValue(db), parse.GetValue(exitWhenIdle), parse.InvocationConfiguration.Error, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(string? devices, string? db, double? exitWhenIdle, TextWriter error, CancellationToken cancellationToken)
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
        if (devices is not null)
        {
            var (_, problem) = DeviceList.Parse(devices);
            if (problem is not null)
            {
                error.WriteLine($"--devices: {problem}");
                return InputError;
            }
            switches["HyperSearch:Worker:Devices"] = devices;
        }
        if (exitWhenIdle is { } idle)
        {
            if (!(idle > 0) || double.IsInfinity(idle))
            {
                error.WriteLine("--exit-when-idle: must be a positive number of seconds");
                return InputError;
            }
            switches["HyperSearch:Worker:ExitWhenIdleSeconds"] = idle.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        switches["HyperSearch:Worker:Embedded"] = "true";
        var configuration = CliConfiguration.Build(switches);
        // Checked before the host exists: from inside it a mistyped setting is a stack trace.
        var problems = new List<string>();
        if (DatabaseSettings.Problem(configuration) is { } database) problems.Add(database);
        problems.AddRange(SettingsException.Of(() => QueueSettings.From(configuration)));
        problems.AddRange(SettingsException.Of(() => WorkerOptions.From(configuration)));
        problems.AddRange(TrainingConfiguration.Problems(configuration));
        if (problems.Count > 0)
        {
            foreach (var line in problems) error.WriteLine(line);
            return InputError;
        }

        return await LongRunningHost.RunAsync(configuration, "HyperSearch.Worker", services =>
        {
            // The worker hands its trials back within WorkerOptions.StopBudget; the host's default 30 s would let a
            // hang there hold SIGTERM for half a minute and then dispose the store under the slots.
            services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(10));
            TrainerRegistration.AddTrainer(services, configuration);
            services.AddHyperSearchWorker(configuration);
        }, cancellationToken);
    }
}

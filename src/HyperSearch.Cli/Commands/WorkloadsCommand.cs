using System.CommandLine;
using System.Text.Json;
using HyperSearch.Cli.Hosting;
using HyperSearch.Core.Json;
using HyperSearch.Core.Settings;
using HyperSearch.Core.Training;
using HyperSearch.Training;
using HyperSearch.Worker;

namespace HyperSearch.Cli.Commands;

/// <summary>
/// <c>hypersearch workloads [--json]</c>: the workloads a spec may name, from this machine's
/// appsettings.json — the built-in and plug-in C# workloads and the command workloads (a team's own
/// program) — with plug-ins that failed to load. <c>--json</c> prints
/// <c>{"workloads": [{"name", "kind", "description", "command", "parameters", "batchSize"}], "pluginErrors": […]}</c> (the shape of
/// <c>GET /api/workloads</c>). Exit 0, or 2 when a command workload's settings are wrong (one line per key).
/// </summary>
public static class WorkloadsCommand
{
    public static Command Create()
    {
        var json = new Option<bool>("--json") { Description = "One JSON document instead of the table" };
        var command = new Command("workloads", "List the workloads searches can train: C# ones and command workloads (your own program).");
        command.Options.Add(json);
        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            var configuration = CliConfiguration.Build();
            IReadOnlyList<WorkloadInfo> workloads;
            IReadOnlyList<string> pluginErrors;
            if (WorkerServiceCollectionExtensions.UsesFakeTrainer(configuration))
            {
                (workloads, pluginErrors) = (TrainerRegistration.Workloads(configuration), []);
            }
            else
            {
                try
                {
                    var registry = TrainingConfiguration.Registry(configuration);
                    (workloads, pluginErrors) = (registry.Describe(), registry.PluginErrors);
                }
                catch (SettingsException e)
                {
                    foreach (var problem in e.Problems) error.WriteLine($"error: {problem}");
                    return TrainingCliSupport.InvalidInput;
                }
            }

            if (parse.GetValue(json))
            {
                output.WriteLine(JsonSerializer.Serialize(new WorkloadList(workloads, pluginErrors), HyperJson.Indented));
                return 0;
            }

            var width = workloads.Max(w => w.Name.Length);
            foreach (var workload in workloads)
            {
                var kind = workload.Kind == WorkloadKind.Command ? "command" : "C#";
                output.WriteLine($"{workload.Name.PadRight(width)}  {kind,-7}  {workload.Description}");
                var indent = $"{new string(' ', width)}  {"",-7}  ";
                if (workload.Command is { } line) output.WriteLine($"{indent}runs: {line}");
                foreach (var parameter in workload.Parameters ?? [])
                    output.WriteLine($"{indent}params.{Describe(parameter)}");
                if (workload.Parameters is [])
                    output.WriteLine($"{indent}takes no params");
                if (workload.BatchSize is { } batch) output.WriteLine($"{indent}{Describe(batch)}");
            }

            foreach (var problem in pluginErrors) error.WriteLine($"warning: {problem}");
            return 0;
        });
        return command;
    }

    // "n_layers  int [1, 3] log, default 1: hidden layers"
    private static string Describe(WorkloadParameter p) =>
        $"{p.Name}  {p.Kind.ToString().ToLowerInvariant()} {p.Range}{(p.Log ? " log" : "")}, default {p.Default.ToString(System.Globalization.CultureInfo.InvariantCulture)}"
        + (p.Description.Length > 0 ? $": {p.Description}" : "");
}

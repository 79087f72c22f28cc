using System.Text.RegularExpressions;
using HyperSearch.Core.Settings;
using Microsoft.Extensions.Configuration;

namespace HyperSearch.Training.Command;

/// <summary>
/// Reads <c>HyperSearch:Workloads:Commands</c>, a list of <see cref="CommandWorkload"/>s. Everything wrong
/// is one line naming the key (<c>HyperSearch:Workloads:Commands:0:Executable: is required</c>), checked
/// before the dashboard or a worker starts; a key that is not a setting (a typo such as
/// <c>Executeable</c>) is refused, not ignored. Whether the executable and the folder exist is checked
/// when a trial starts, on the machine that runs it.
/// </summary>
public static partial class CommandWorkloadSettings
{
    public const string Section = "HyperSearch:Workloads:Commands";

    /// <summary>Set by the worker for every trial; the settings may not override them.</summary>
    public static readonly IReadOnlySet<string> ReservedVariables = new HashSet<string>(StringComparer.Ordinal) { "CUDA_VISIBLE_DEVICES" };

    private static readonly string[] Known =
        ["Name", "Description", "Executable", "Arguments", "WorkingDirectory", "Environment", "EpochTimeoutSeconds", "StopGraceSeconds", "Parameters", "BatchSize"];

    /// <param name="taken">Names already used by other workloads (the built-ins).</param>
    /// <exception cref="SettingsException">Every problem, one line each.</exception>
    public static IReadOnlyList<CommandWorkload> Read(IConfiguration configuration, IEnumerable<string> taken)
    {
        var section = configuration.GetSection(Section);
        var problems = new List<string>();
        if (section.Value is { Length: > 0 })
        {
            throw new SettingsException([$"{Section}: must be a list of commands (Name, Executable, Arguments, …), not a single value"]);
        }

        var names = new HashSet<string>(taken, StringComparer.Ordinal);
        var commands = new List<CommandWorkload>();
        foreach (var entry in section.GetChildren())
        {
            var reader = new SettingsReader(entry.Path, key => entry[key]);
            if (Read(entry, reader) is { } command)
            {
                if (!names.Add(command.Name))
                {
                    reader.Add("Name", $"'{command.Name}' is already a workload");
                }
                else
                {
                    commands.Add(command);
                }
            }

            problems.AddRange(reader.Problems);
        }

        if (problems.Count > 0)
        {
            throw new SettingsException(problems);
        }

        return commands;
    }

    private static CommandWorkload? Read(IConfigurationSection entry, SettingsReader reader)
    {
        foreach (var unknown in entry.GetChildren().Select(c => c.Key).Where(k => !Known.Contains(k, StringComparer.OrdinalIgnoreCase)))
        {
            reader.Add(unknown, $"is not a setting of a command workload (known: {string.Join(", ", Known)})");
        }

        var name = reader.Text("Name");
        if (name is null)
        {
            reader.Add("Name", "is required");
        }
        else if (!NamePattern().IsMatch(name))
        {
            reader.Add("Name", $"'{name}' must be 1–64 letters, digits, '.', '_' or '-', starting with a letter or digit");
        }

        var executable = reader.Text("Executable");
        if (executable is null)
        {
            reader.Add("Executable", "is required (a path, or a program on PATH such as /usr/bin/python3)");
        }

        var arguments = List(entry.GetSection("Arguments"), reader, "Arguments");
        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        var variables = entry.GetSection("Environment");
        if (variables.Value is { Length: > 0 })
        {
            reader.Add("Environment", "must be an object of NAME: value pairs");
        }

        foreach (var variable in variables.GetChildren())
        {
            if (ReservedVariables.Contains(variable.Key) || variable.Key.StartsWith("HYPERSEARCH_", StringComparison.Ordinal))
            {
                reader.Add($"Environment:{variable.Key}", "is set by the worker for each trial");
            }
            else if (variable.GetChildren().Any())
            {
                reader.Add($"Environment:{variable.Key}", "must be a single value");
            }
            else
            {
                environment[variable.Key] = variable.Value ?? "";
            }
        }

        var defaults = new CommandWorkload { Name = "", Executable = "" };
        var timeout = Seconds(reader, "EpochTimeoutSeconds", defaults.EpochTimeout);
        var grace = Seconds(reader, "StopGraceSeconds", defaults.StopGrace);
        var parameters = WorkloadParameterSettings.ReadList(entry.GetSection("Parameters"), reader);
        var batchSize = WorkloadParameterSettings.ReadBatchSize(entry.GetSection("BatchSize"), reader);
        if (name is null || executable is null || reader.Problems.Count > 0)
        {
            return null;
        }

        return new CommandWorkload
        {
            Name = name,
            Source = entry.Path,
            Description = reader.Text("Description") ?? $"your own program: {Path.GetFileName(arguments.FirstOrDefault() ?? executable)}",
            Executable = executable,
            Arguments = arguments,
            WorkingDirectory = reader.Text("WorkingDirectory"),
            Environment = environment,
            EpochTimeout = TimeSpan.FromSeconds(timeout),
            StopGrace = TimeSpan.FromSeconds(grace),
            Parameters = parameters,
            BatchSize = batchSize,
        };
    }

    // A week at most: a timer cannot wait longer than 2³¹ ms, and a longer "timeout" is a typo.
    private static double Seconds(SettingsReader reader, string key, TimeSpan fallback)
    {
        const double week = 7 * 24 * 3600;
        var seconds = reader.PositiveNumber(key, fallback.TotalSeconds);
        if (seconds <= week) return seconds;
        reader.Add(key, $"must be at most {week} (a week); got '{reader.Text(key)}'");
        return fallback.TotalSeconds;
    }

    private static List<string> List(IConfigurationSection section, SettingsReader reader, string key)
    {
        if (section.Value is { Length: > 0 })
        {
            reader.Add(key, "must be a list, one argument per entry (\"Arguments\": [\"train.py\", \"--fast\"])");
            return [];
        }

        var items = new List<string>();
        foreach (var item in section.GetChildren())
        {
            if (item.GetChildren().Any())
            {
                reader.Add($"{key}:{item.Key}", "must be a single value");
            }
            else
            {
                items.Add(item.Value ?? "");
            }
        }

        return items;
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")]
    private static partial Regex NamePattern();
}

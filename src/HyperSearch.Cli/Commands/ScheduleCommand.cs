using System.CommandLine;
using System.Text.Json;
using HyperSearch.Core.Configuration;
using HyperSearch.Core.Json;
using HyperSearch.Core.Schedules;

namespace HyperSearch.Cli.Commands;

/// <summary>
/// <c>hypersearch schedule --config trial.json --steps N [--metrics val.json]</c>: prints the JSON
/// array of the N learning rates the trial's schedule produces (PyTorch 1.13-exact). Bad input is
/// reported on stderr with the field it concerns, exit code 2.
/// </summary>
public static class ScheduleCommand
{
    private const int InputError = 2;
    private const int MaxSteps = 10_000_000;

    public static Command Create()
    {
        var config = new Option<FileInfo>("--config")
        {
            Description = "Trial config JSON (initialLr, decay, optional warmup), as stored on a trial.",
            Required = true,
        };
        var steps = new Option<int>("--steps") { Description = "How many learning rates to print.", Required = true };
        var metrics = new Option<FileInfo?>("--metrics")
        {
            Description = "JSON array of validation metrics; metrics[t] is passed after step t (reduceOnPlateau only).",
        };

        var command = new Command("schedule", "Print the learning rates a trial config's schedule produces.");
        command.Options.Add(config);
        command.Options.Add(steps);
        command.Options.Add(metrics);
        command.SetAction(parse => Run(
            parse.GetRequiredValue(config),
            parse.GetValue(steps),
            parse.GetValue(metrics),
            parse.InvocationConfiguration.Output,
            parse.InvocationConfiguration.Error));
        return command;
    }

    private static int Run(FileInfo configFile, int steps, FileInfo? metricsFile, TextWriter output, TextWriter error)
    {
        if (steps < 1 || steps > MaxSteps)
        {
            error.WriteLine($"--steps: must be between 1 and {MaxSteps}; got {steps}");
            return InputError;
        }

        if (!TryRead<TrialConfig>("--config", configFile, "trial config", error, out var trial))
        {
            return InputError;
        }

        var problems = TrialConfigValidator.Validate(trial);
        if (problems.Count > 0)
        {
            foreach (var problem in problems)
            {
                error.WriteLine(problem);
            }

            return InputError;
        }

        double[]? metrics = null;
        if (metricsFile is not null && !TryRead("--metrics", metricsFile, "JSON array of numbers", error, out metrics))
        {
            return InputError;
        }

        if (trial.Decay is ReduceOnPlateauDecay && steps > 1 && (metrics?.Length ?? 0) < steps - 1)
        {
            error.WriteLine(
                $"--metrics: reduceOnPlateau steps on the validation metric; {steps} steps need a JSON array of at least {steps - 1} values, got {metrics?.Length ?? 0}");
            return InputError;
        }

        var lrs = LrSchedulePreview.Compute(trial, steps, metrics);
        output.WriteLine(JsonSerializer.Serialize(lrs, HyperJson.Options));
        return 0;
    }

    private static bool TryRead<T>(string option, FileInfo file, string what, TextWriter error, out T value)
        where T : class
    {
        value = null!;
        string text;
        try
        {
            text = File.ReadAllText(file.FullName);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"{option}: cannot read '{file.FullName}': {e.Message}");
            return false;
        }

        try
        {
            value = JsonSerializer.Deserialize<T>(text, HyperJson.Options)!;
        }
        // A decay without "type" surfaces as NotSupportedException (abstract DecaySpec).
        catch (Exception e) when (e is JsonException or NotSupportedException)
        {
            var reason = e is NotSupportedException ? "a decay needs a \"type\" (one of " + string.Join(", ", DecayTypes.All) + ")" : e.Message;
            error.WriteLine($"{option}: '{file.Name}' is not a valid {what}: {reason}");
            return false;
        }

        if (value is null)
        {
            error.WriteLine($"{option}: '{file.Name}' holds null, expected a {what}");
            return false;
        }

        return true;
    }
}

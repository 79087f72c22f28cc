using System.CommandLine;
using System.Text.Json;
using HyperSearch.Core.Configuration;
using HyperSearch.Core.Json;
using HyperSearch.Core.Schedules;
using HyperSearch.Core.Validation;

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
        var config = new Option<string>("--config")
        {
            Description = "Trial config JSON (initialLr, decay, optional warmup), as stored on a trial.",
            Required = true,
        };
        var steps = new Option<int>("--steps") { Description = "How many learning rates to print.", Required = true };
        var metrics = new Option<string>("--metrics")
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

    private static int Run(string configPath, int steps, string? metricsPath, TextWriter output, TextWriter error)
    {
        if (steps < 1 || steps > MaxSteps)
        {
            error.WriteLine($"--steps: must be between 1 and {MaxSteps}; got {steps}");
            return InputError;
        }

        var errors = new List<ValidationError>();
        var trial = CliFiles.ReadTrialConfig(configPath, "--config", errors);
        if (trial is not null)
        {
            errors.AddRange(TrialConfigValidator.Validate(trial));
        }

        var metrics = metricsPath is null ? null : CliFiles.ReadJson<double[]>(metricsPath, "--metrics", "JSON array of numbers", errors);
        if (trial is { Decay: ReduceOnPlateauDecay } && errors.Count == 0 && steps > 1 && (metrics?.Length ?? 0) < steps - 1)
        {
            errors.Add(new("--metrics",
                $"reduceOnPlateau steps on the validation metric; {steps} steps need a JSON array of at least {steps - 1} values, got {metrics?.Length ?? 0}"));
        }

        if (errors.Count > 0)
        {
            foreach (var problem in errors)
            {
                error.WriteLine(problem);
            }

            return InputError;
        }

        var lrs = LrSchedulePreview.Compute(trial!, steps, metrics);
        output.WriteLine(JsonSerializer.Serialize(lrs, HyperJson.Options));
        return 0;
    }
}

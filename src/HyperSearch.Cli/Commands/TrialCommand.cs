using System.CommandLine;
using System.Text.Json;
using HyperSearch.Core.Configuration;
using HyperSearch.Core.Json;
using HyperSearch.Core.Training;
using HyperSearch.Core.Trials;
using HyperSearch.Core.Validation;
using HyperSearch.Training;
using HyperSearch.Training.Devices;
using HyperSearch.Training.Runtime;
using HyperSearch.Training.Workloads;
using HyperSearch.Training.Trainer;
using static HyperSearch.Cli.Commands.TrainingCliSupport;

namespace HyperSearch.Cli.Commands;

/// <summary>
/// <c>hypersearch trial run --workload W --config FILE --epochs N [--device cpu] [--seed S] [--json]</c>:
/// trains one trial config for real and prints each epoch (a JSON line each with --json, then one
/// outcome line). Exit 0 when the run finished (diverged and pruned are results), 2 on invalid input,
/// 1 on a training failure, 130 when cancelled.
/// </summary>
public static class TrialCommand
{
    public static Command Create()
    {
        var command = new Command("trial", "Run a single trial.");
        command.Subcommands.Add(CreateRun());
        return command;
    }

    private static Command CreateRun()
    {
        var workload = new Option<string>("--workload") { Description = "Workload (hypersearch workloads lists them): fashion-mlp, fashion-cnn, …, or a command workload" };
        var config = new Option<string>("--config") { Description = "Trial config JSON file (initialLr, decay, warmup, optimizer, batchSize…)" };
        var epochs = new Option<string>("--epochs") { Description = "Epochs to train (default 5)" };
        var device = new Option<string>("--device") { Description = "cpu or cuda:N (default cpu)" };
        var seed = new Option<string>("--seed") { Description = "Seed of weights and shuffling (default 0)" };
        var threads = new Option<string>("--threads") { Description = "CPU threads, 1…1024 (default: all cores, at most 1024)" };
        var unit = new Option<string>("--schedule-unit") { Description = "epoch or batch: what one scheduler step is (default epoch)" };
        var test = new Option<bool>("--test") { Description = "Also evaluate the held-out test set after the last epoch" };
        var json = new Option<bool>("--json") { Description = "One JSON line per epoch, then one outcome line" };
        var run = new Command("run", "Train one trial config on a workload and print its epochs.")
        {
            workload, config, epochs, device, seed, threads, unit, test, json,
        };
        run.SetAction(async (parse, cancellationToken) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            var errors = new List<ValidationError>();
            var trialConfig = CliFiles.ReadTrialConfig(parse.GetValue(config), "config", errors);
            var scheduleUnit = ParseUnit(parse.GetValue(unit), errors);
            var request = new TrainingRequest
            {
                Workload = parse.GetValue(workload) ?? "",
                Config = trialConfig!,
                Epochs = ParseInt(parse.GetValue(epochs), "epochs", 5, errors),
                Device = parse.GetValue(device) ?? "cpu",
                Seed = ParseInt(parse.GetValue(seed), "seed", 0, errors),
                Threads = ParseInt(parse.GetValue(threads), "threads", DeviceCatalog.ThreadsPerCpuSlot(1), errors),
                ScheduleUnit = scheduleUnit,
                EvaluateTestSet = parse.GetValue(test),
            };
            if (string.IsNullOrEmpty(request.Workload))
            {
                errors.Add(new("workload", "is required (--workload)"));
            }

            if (errors.Count > 0)
            {
                return Invalid(error, errors);
            }

            return await RunAsync(request, parse.GetValue(json), output, error, cancellationToken);
        });
        return run;
    }

    private static async Task<int> RunAsync(
        TrainingRequest request, bool json, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        if (TryCreateRegistry(error) is not { } registry)
        {
            return InvalidInput;
        }

        // A command workload's request is checked by the command trainer (it throws, caught below).
        if (!registry.TryGetCommand(request.Workload, out _) && TrainingRequestValidator.Validate(request, registry) is { Count: > 0 } problems)
        {
            return Invalid(error, problems);
        }

        var trainer = TrainingConfiguration.Trainer(registry, checkpoints: null);
        if (!json)
        {
            output.WriteLine($"{request.Workload} on {request.Device}, {request.Epochs} epochs, seed {request.Seed}, {request.Threads} thread(s)");
        }

        TrainingOutcome outcome;
        try
        {
            outcome = await trainer.TrainAsync(
                request,
                report =>
                {
                    output.WriteLine(json ? JsonSerializer.Serialize(report, HyperJson.Options) : Describe(report, request.Epochs));
                    output.Flush();
                    return ValueTask.FromResult(true);
                },
                cancellationToken);
        }
        catch (InvalidTrainingRequestException e)
        {
            return Invalid(error, e.Errors);
        }
        catch (Exception e) when (e is TorchException or WorkloadException or InvalidOperationException or IOException or System.Runtime.InteropServices.ExternalException)
        {
            error.WriteLine($"error: training failed: {e.Message}");
            return Failed;
        }

        output.WriteLine(json ? JsonSerializer.Serialize(outcome, HyperJson.Options) : Describe(outcome));
        return outcome.State == TrialState.Cancelled ? Cancelled : 0;
    }

    private static ScheduleUnit ParseUnit(string? text, List<ValidationError> errors)
    {
        switch (text)
        {
            case null or "epoch":
                return ScheduleUnit.Epoch;
            case "batch":
                return ScheduleUnit.Batch;
            default:
                errors.Add(new("schedule-unit", $"'{text}' must be epoch or batch"));
                return ScheduleUnit.Epoch;
        }
    }

    private static string Describe(EpochReport r, int epochs)
    {
        const int width = 20;
        var done = (int)Math.Round(width * (double)r.Epoch / epochs);
        return $"[{new string('#', done)}{new string('.', width - done)}] epoch {r.Epoch}/{epochs}  "
            + $"train {r.TrainLoss:G4}  val {r.ValLoss:G4}  acc {r.ValAccuracy:P1}  lr {r.Lr:G3}  {r.ElapsedSeconds:F1}s";
    }

    private static string Describe(TrainingOutcome o)
    {
        var test = o.TestLoss is { } loss ? $"  test loss {loss:G4}  test acc {o.TestAccuracy:P1}" : "";
        var message = o.Message is null ? "" : $" ({o.Message})";
        return $"{o.State.ToString().ToLowerInvariant()} after {o.EpochsRun} epoch(s){test}{message}";
    }
}

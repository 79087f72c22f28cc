using System.CommandLine;
using System.Text.Json;
using HyperSearch.Core.Configuration;
using HyperSearch.Core.Json;
using HyperSearch.Core.Validation;
using HyperSearch.Training.Devices;
using HyperSearch.Training.LrFinder;
using HyperSearch.Training.Runtime;
using HyperSearch.Training.Workloads;
using HyperSearch.Training.Trainer;
using static HyperSearch.Cli.Commands.TrainingCliSupport;

namespace HyperSearch.Cli.Commands;

/// <summary>
/// <c>hypersearch lr-find --workload W [--min 1e-7 --max 10 --steps 200] [--json]</c>: the LR range
/// test. Prints the smoothed loss curve and the suggested LR with a search range around it
/// (one JSON document with --json). Exit 0 on success, 2 on invalid input, 1 on a training failure,
/// 130 when cancelled.
/// </summary>
public static class LrFindCommand
{
    private const int CurveRows = 25;

    public static Command Create()
    {
        var workload = new Option<string>("--workload") { Description = "Workload: fashion-mlp, fashion-cnn, synthetic-regression, two-spirals" };
        var min = new Option<string>("--min") { Description = "Lowest LR (default 1e-7)" };
        var max = new Option<string>("--max") { Description = "Highest LR (default 10)" };
        var steps = new Option<string>("--steps") { Description = "Batches in the sweep (default 200)" };
        var optimizer = new Option<string>("--optimizer") { Description = "sgd, adam, adamW, rmsProp or adagrad (default sgd)" };
        var momentum = new Option<string>("--momentum") { Description = "SGD/RMSprop momentum (default 0)" };
        var batchSize = new Option<string>("--batch-size") { Description = "Batch size (default: the workload's)" };
        var device = new Option<string>("--device") { Description = "cpu or cuda:N (default cpu)" };
        var seed = new Option<string>("--seed") { Description = "Seed (default 0)" };
        var threads = new Option<string>("--threads") { Description = "CPU threads, 1…1024 (default: all cores, at most 1024)" };
        var json = new Option<bool>("--json") { Description = "Print the whole result as one JSON document" };
        var command = new Command("lr-find", "Run the LR range test on a workload and suggest an LR and search range.")
        {
            workload, min, max, steps, optimizer, momentum, batchSize, device, seed, threads, json,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var errors = new List<ValidationError>();
            var defaults = new LrRangeTestOptions();
            var options = new LrRangeTestOptions
            {
                MinLr = ParseDouble(parse.GetValue(min), "min", defaults.MinLr, errors),
                MaxLr = ParseDouble(parse.GetValue(max), "max", defaults.MaxLr, errors),
                Steps = ParseInt(parse.GetValue(steps), "steps", defaults.Steps, errors),
                Optimizer = new OptimizerSpec
                {
                    Type = ParseOptimizer(parse.GetValue(optimizer), errors),
                    Momentum = ParseDouble(parse.GetValue(momentum), "momentum", 0, errors),
                },
                BatchSize = parse.GetValue(batchSize) is { } b ? ParseInt(b, "batch-size", 0, errors) : null,
                Device = parse.GetValue(device) ?? "cpu",
                Seed = ParseInt(parse.GetValue(seed), "seed", 0, errors),
                Threads = ParseInt(parse.GetValue(threads), "threads", DeviceCatalog.ThreadsPerCpuSlot(1), errors),
            };
            var name = parse.GetValue(workload);
            if (string.IsNullOrEmpty(name))
            {
                errors.Add(new("workload", "is required (--workload)"));
            }

            var error = parse.InvocationConfiguration.Error;
            if (errors.Count > 0)
            {
                return Invalid(error, errors);
            }

            if (TryCreateRegistry(error) is not { } registry)
            {
                return InvalidInput;
            }

            LrRangeTestResult result;
            try
            {
                result = await new LrRangeTest(registry).RunAsync(name!, options, cancellationToken: cancellationToken);
            }
            catch (InvalidTrainingRequestException e)
            {
                // The service names the option's property; the user typed --batch-size.
                return Invalid(error, e.Errors.Select(x => x.Path == "batchSize" ? x with { Path = "batch-size" } : x));
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                error.WriteLine("LR range test cancelled");
                return Cancelled;
            }
            catch (Exception e) when (e is TorchException or WorkloadException or InvalidOperationException or IOException or System.Runtime.InteropServices.ExternalException)
            {
                error.WriteLine($"error: LR range test failed: {e.Message}");
                return Failed;
            }

            Print(result, parse.GetValue(json), parse.InvocationConfiguration.Output);
            return 0;
        });
        return command;
    }

    private static OptimizerType ParseOptimizer(string? text, List<ValidationError> errors)
    {
        if (text is null)
        {
            return OptimizerType.Sgd;
        }

        if (Enum.TryParse<OptimizerType>(text, ignoreCase: true, out var type) && Enum.IsDefined(type))
        {
            return type;
        }

        errors.Add(new("optimizer", $"'{text}' must be one of sgd, adam, adamW, rmsProp, adagrad"));
        return OptimizerType.Sgd;
    }

    private static void Print(LrRangeTestResult result, bool json, TextWriter output)
    {
        if (json)
        {
            output.WriteLine(JsonSerializer.Serialize(result, HyperJson.Options));
            return;
        }

        output.WriteLine($"LR range test on {result.Workload}: {result.Points.Count} batches"
            + (result.StoppedOnDivergence ? " (stopped: loss diverged)" : ""));
        output.WriteLine("        lr   smoothed loss");
        var every = Math.Max(1, result.Points.Count / CurveRows);
        var top = result.Points.Max(p => double.IsFinite(p.SmoothedLoss) ? p.SmoothedLoss : 0);
        for (var i = 0; i < result.Points.Count; i += every)
        {
            var p = result.Points[i];
            var bar = double.IsFinite(p.SmoothedLoss) && top > 0 ? new string('*', (int)Math.Round(40 * p.SmoothedLoss / top)) : "";
            output.WriteLine($"{p.Lr,10:0.00e+00}   {p.SmoothedLoss,12:G5}  {bar}");
        }

        output.WriteLine(result.SuggestedLr is { } lr
            ? $"suggested lr: {lr:G3} (steepest descent)   search range: {result.RangeLow:G3} … {result.RangeHigh:G3}"
            : $"no suggestion: {result.Message}");
    }
}

using System.Diagnostics;
using HyperSearch.Core.Configuration;
using HyperSearch.Core.Schedules;
using HyperSearch.Core.Training;
using HyperSearch.Core.Trials;
using HyperSearch.Training.Data;
using HyperSearch.Training.Workloads;

namespace HyperSearch.Training.Trainer;

/// <summary>
/// Trains trials for real with libtorch. Each run gets its own OS thread, so the native calls of one
/// trial always come from the same thread (OpenMP's thread count and pools are per thread).
/// The LR follows PyTorch's order: read the scheduler's LR, train the batch, then step the scheduler
/// (per batch or per epoch). reduceOnPlateau always steps once per epoch with the validation loss.
/// </summary>
public sealed class TorchTrainer : ITrainer
{
    private readonly WorkloadRegistry _workloads;
    private readonly Func<TrialConfig, ILrScheduler> _schedulers;

    /// <param name="schedulers">Builds a trial's schedule; <see cref="LrSchedulerFactory.Create"/> by default.</param>
    public TorchTrainer(WorkloadRegistry workloads, Func<TrialConfig, ILrScheduler>? schedulers = null)
    {
        _workloads = workloads;
        _schedulers = schedulers ?? LrSchedulerFactory.Create;
    }

    /// <exception cref="InvalidTrainingRequestException">The request names a bad field.</exception>
    /// <exception cref="Native.TorchException">libtorch failed (e.g. out of memory).</exception>
    public Task<TrainingOutcome> TrainAsync(
        TrainingRequest request,
        Func<EpochReport, ValueTask<bool>> onEpoch,
        CancellationToken cancellationToken)
    {
        var errors = TrainingRequestValidator.Validate(request, _workloads);
        if (errors.Count > 0)
        {
            throw new InvalidTrainingRequestException(errors);
        }

        var workload = _workloads.Get(request.Workload);
        var scheduler = _schedulers(request.Config);
        return Task.Factory.StartNew(
            () => Run(request, workload, scheduler, onEpoch, cancellationToken),
            CancellationToken.None,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default);
    }

    private static TrainingOutcome Run(
        TrainingRequest request,
        IWorkload workload,
        ILrScheduler scheduler,
        Func<EpochReport, ValueTask<bool>> onEpoch,
        CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var data = workload.LoadData();
        using var session = new TrainingSession(
            workload, data, request.Config, request.Device, request.Seed, request.Threads);
        var plateau = request.Config.Decay is ReduceOnPlateauDecay;
        var stepPerBatch = request.ScheduleUnit == ScheduleUnit.Batch && !plateau;
        var order = Shuffle.Permutation(data.Train.Count, 0);
        var random = new Random(request.Seed);
        var batch = session.BatchSize;

        for (var epoch = 1; epoch <= request.Epochs; epoch++)
        {
            Shuffle.InPlace(order, random);
            double lossSum = 0, lr = scheduler.CurrentLr;
            for (var start = 0; start < order.Length; start += batch)
            {
                if (cancellationToken.IsCancellationRequested)
                {
                    return new TrainingOutcome(TrialState.Cancelled, epoch - 1, Message: "cancelled");
                }

                lr = scheduler.CurrentLr;
                session.SetLr(lr);
                var indices = order.AsSpan(start, Math.Min(batch, order.Length - start));
                var loss = session.TrainBatch(indices);
                if (!double.IsFinite(loss))
                {
                    // Report the diverged epoch so the curve shows where it happened, then stop.
                    Report(onEpoch, new EpochReport(epoch, loss, double.NaN, double.NaN, lr, clock.Elapsed.TotalSeconds));
                    return new TrainingOutcome(TrialState.Diverged, epoch,
                        Message: $"training loss became {loss} in epoch {epoch} at batch {start / batch + 1}");
                }

                lossSum += loss * indices.Length;
                if (stepPerBatch)
                {
                    scheduler.Step();
                }
            }

            var (valLoss, valMetric) = session.Evaluate(data.Validation);
            if (!stepPerBatch)
            {
                scheduler.Step(plateau ? valLoss : null);
            }

            var report = new EpochReport(epoch, lossSum / order.Length, valLoss, valMetric, lr, clock.Elapsed.TotalSeconds);
            var goOn = Report(onEpoch, report);
            if (!double.IsFinite(valLoss))
            {
                return new TrainingOutcome(TrialState.Diverged, epoch, Message: $"validation loss became {valLoss} in epoch {epoch}");
            }

            if (!goOn)
            {
                return new TrainingOutcome(TrialState.Pruned, epoch, Message: $"pruned after epoch {epoch}");
            }
        }

        if (!request.EvaluateTestSet)
        {
            return new TrainingOutcome(TrialState.Completed, request.Epochs);
        }

        var (testLoss, testMetric) = session.Evaluate(data.Test);
        return new TrainingOutcome(TrialState.Completed, request.Epochs, testLoss, testMetric);
    }

    // This thread is dedicated to the run, so waiting for the (possibly async) callback here is safe.
    private static bool Report(Func<EpochReport, ValueTask<bool>> onEpoch, EpochReport report)
    {
        var answer = onEpoch(report);
        return answer.IsCompletedSuccessfully ? answer.Result : answer.AsTask().GetAwaiter().GetResult();
    }
}

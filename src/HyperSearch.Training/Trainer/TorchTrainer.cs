using System.Diagnostics;
using System.Text.Json;
using HyperSearch.Core.Configuration;
using HyperSearch.Core.Json;
using HyperSearch.Core.Schedules;
using HyperSearch.Core.Training;
using HyperSearch.Core.Trials;
using HyperSearch.Training.Checkpoints;
using HyperSearch.Training.Data;
using HyperSearch.Training.Runtime;
using HyperSearch.Training.Workloads;
using TorchSharp;

namespace HyperSearch.Training.Trainer;

/// <summary>
/// Trains trials for real with TorchSharp. Each run has a training thread to itself (libtorch's thread
/// count is per thread; threads are reused across runs, see <see cref="TrainingThreads"/>). The LR follows PyTorch's order: read the scheduler's LR, train the batch, then step the
/// scheduler (per batch or per epoch); reduceOnPlateau steps once per epoch with the validation loss.
/// With a checkpoint store and a request's <see cref="TrainingRequest.CheckpointKey"/>, the run saves
/// model, optimizer, RNG and schedule position every N epochs and resumes from the last checkpoint.
/// </summary>
public sealed class TorchTrainer : ITrainer
{
    private readonly WorkloadRegistry _workloads;
    private readonly Func<TrialConfig, ILrScheduler> _schedulers;
    private readonly CheckpointStore? _checkpoints;

    /// <param name="schedulers">Builds a trial's schedule; <see cref="LrSchedulerFactory.Create"/> by default.</param>
    public TorchTrainer(WorkloadRegistry workloads, Func<TrialConfig, ILrScheduler>? schedulers = null, CheckpointStore? checkpoints = null)
    {
        _workloads = workloads;
        _schedulers = schedulers ?? LrSchedulerFactory.Create;
        _checkpoints = checkpoints;
    }

    /// <exception cref="InvalidTrainingRequestException">The request names a bad field.</exception>
    /// <exception cref="WorkloadException">The workload's data, factory or model failed.</exception>
    /// <exception cref="TorchException">libtorch failed (e.g. out of memory).</exception>
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
        return TrainingThreads.Run(() => Run(request, workload, onEpoch, cancellationToken));
    }

    private TrainingOutcome Run(
        TrainingRequest request,
        IWorkload workload,
        Func<EpochReport, ValueTask<bool>> onEpoch,
        CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        TorchRuntime.EnsureLoaded();
        torch.set_num_threads(request.Threads);
        var data = LoadData(workload);
        var config = request.Config;
        var configJson = JsonSerializer.Serialize(config, HyperJson.Options);
        var session = new TrainingSession(workload, data, config, request.Device, request.Seed);
        try
        {
            var scheduler = _schedulers(config);
            var plateau = config.Decay is ReduceOnPlateauDecay;
            var stepPerBatch = request.ScheduleUnit == ScheduleUnit.Batch && !plateau;
            var valLosses = new List<double>();
            double elapsedBefore = 0;
            string? warning = null;

            // Replays the schedule to where a checkpoint was: schedulers are deterministic.
            void ReplaySchedule(CheckpointMeta meta)
            {
                foreach (var valLoss in meta.ValLosses)
                {
                    for (var b = 0; b < (stepPerBatch ? meta.BatchesPerEpoch : 0); b++)
                    {
                        scheduler.Step();
                    }

                    if (!stepPerBatch)
                    {
                        scheduler.Step(plateau ? valLoss : null);
                    }
                }

                valLosses.AddRange(meta.ValLosses);
            }

            var restored = false;
            if (request.CheckpointKey is { } key && _checkpoints is not null)
            {
                try
                {
                    if (Restore(key, workload, request, configJson, session) is { } meta)
                    {
                        ReplaySchedule(meta);
                        elapsedBefore = meta.ElapsedSeconds;
                        restored = true;
                    }
                }
                catch (Exception e) when (e is not (OperationCanceledException or OutOfMemoryException))
                {
                    // Half-loaded state is unusable: start over with a fresh session, never a failure loop.
                    warning = $"warning: checkpoint '{key}' could not be restored ({e.Message}); the trial restarted from epoch 1";
                    session.Dispose();
                    session = new TrainingSession(workload, data, config, request.Device, request.Seed);
                    scheduler = _schedulers(config);
                    valLosses.Clear();
                    TryDelete(key);
                }
            }

            if (!restored && request.ForkFromKey is { } parent && _checkpoints is not null)
            {
                // PBT: the parent's weights, optimizer state and epoch under this run's config.
                ReplaySchedule(Fork(parent, workload, request, session));
            }

            var first = valLosses.Count + 1;
            if (request.OnStart is { } onStart)
            {
                Wait(onStart(first - 1));
            }

            var outcome = Epochs(request, session, scheduler, plateau, stepPerBatch, first, valLosses, elapsedBefore, configJson, workload, onEpoch, clock, cancellationToken);
            return warning is null ? outcome : outcome with { Message = outcome.Message is null ? warning : $"{outcome.Message}; {warning}" };
        }
        finally
        {
            session.Dispose();
        }
    }

    private TrainingOutcome Epochs(
        TrainingRequest request, TrainingSession session, ILrScheduler scheduler, bool plateau, bool stepPerBatch, int first,
        List<double> valLosses, double elapsedBefore, string configJson, IWorkload workload,
        Func<EpochReport, ValueTask<bool>> onEpoch, Stopwatch clock, CancellationToken cancellationToken)
    {
        var data = session.Data;
        var batch = session.BatchSize;
        var order = new int[data.Train.Count];
        double Elapsed() => elapsedBefore + clock.Elapsed.TotalSeconds;

        for (var epoch = first; epoch <= request.Epochs; epoch++)
        {
            EpochOrder(order, request.Seed, epoch);
            session.BeginEpoch(order);
            double lossSum = 0, lr = scheduler.CurrentLr;
            for (var start = 0; start < order.Length; start += batch)
            {
                if (cancellationToken.IsCancellationRequested)
                {
                    return new TrainingOutcome(TrialState.Cancelled, epoch - 1, Message: "cancelled");
                }

                lr = scheduler.CurrentLr;
                session.SetLr(lr);
                var count = Math.Min(batch, order.Length - start);
                var loss = session.TrainBatch(start, count);
                if (!double.IsFinite(loss))
                {
                    // Report the diverged epoch so the curve shows where it happened, then stop.
                    Wait(onEpoch(new EpochReport(epoch, loss, double.NaN, double.NaN, lr, Elapsed())));
                    return new TrainingOutcome(TrialState.Diverged, epoch,
                        Message: $"training loss became {loss} in epoch {epoch} at batch {start / batch + 1}");
                }

                lossSum += loss * count;
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

            valLosses.Add(valLoss);
            var goOn = Wait(onEpoch(new EpochReport(epoch, lossSum / order.Length, valLoss, valMetric, lr, Elapsed())));
            if (!double.IsFinite(valLoss))
            {
                return new TrainingOutcome(TrialState.Diverged, epoch, Message: $"validation loss became {valLoss} in epoch {epoch}");
            }

            if (!goOn)
            {
                return new TrainingOutcome(TrialState.Pruned, epoch, Message: $"pruned after epoch {epoch}");
            }

            // After the report: a run killed between the two repeats this epoch, it never loses it.
            if (request.CheckpointKey is { } key && _checkpoints is not null
                && (epoch % _checkpoints.EveryEpochs == 0 || epoch == request.Epochs))
            {
                var meta = new CheckpointMeta(workload.Name, request.Seed, configJson, epoch, session.BatchesPerEpoch, Elapsed(), valLosses.ToArray());
                _checkpoints.Write(key, CheckpointFile.Write(meta, session.Save));
            }
        }

        if (!request.EvaluateTestSet)
        {
            return new TrainingOutcome(TrialState.Completed, request.Epochs);
        }

        var (testLoss, testMetric) = session.Evaluate(data.Test);
        return new TrainingOutcome(TrialState.Completed, request.Epochs, testLoss, testMetric);
    }

    /// <summary>
    /// The epoch's sample order, a function of (seed, epoch) only, so a run resumed at any epoch sees
    /// exactly the batches the uninterrupted run saw.
    /// </summary>
    internal static void EpochOrder(int[] order, int seed, int epoch)
    {
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        Shuffle.InPlace(order, new Random(unchecked(seed * 1_000_003 + epoch)));
    }

    private CheckpointMeta? Restore(string key, IWorkload workload, TrainingRequest request, string configJson, TrainingSession session)
    {
        if (_checkpoints!.TryRead(key) is not { } bytes)
        {
            return null;
        }

        var (meta, state) = CheckpointFile.Read(bytes);
        using (state)
        {
            if (meta.Workload != workload.Name || meta.Seed != request.Seed || meta.ConfigJson != configJson)
            {
                throw new InvalidDataException($"it belongs to another run (workload {meta.Workload}, seed {meta.Seed})");
            }

            if (meta.Epoch > request.ResumeAtMost)
            {
                // Written by an attempt that lost its lease before its epochs reached the database.
                throw new InvalidDataException($"it is at epoch {meta.Epoch}, ahead of the {request.ResumeAtMost} epochs the database holds");
            }

            if (meta.Epoch < 1 || meta.Epoch >= request.Epochs || meta.ValLosses.Count != meta.Epoch || meta.BatchesPerEpoch != session.BatchesPerEpoch)
            {
                // A finished run's (or a changed data size's) checkpoint: nothing sensible to resume.
                throw new InvalidDataException($"it is at epoch {meta.Epoch} of {request.Epochs} with {meta.BatchesPerEpoch} batches per epoch");
            }

            session.Load(state);
        }

        return meta;
    }

    private CheckpointMeta Fork(string parentKey, IWorkload workload, TrainingRequest request, TrainingSession session)
    {
        var bytes = _checkpoints!.TryRead(parentKey)
            ?? throw new InvalidDataException($"the parent checkpoint '{parentKey}' does not exist");
        var (meta, state) = CheckpointFile.Read(bytes);
        using (state)
        {
            if (meta.Workload != workload.Name || meta.BatchesPerEpoch != session.BatchesPerEpoch)
            {
                throw new InvalidDataException($"the parent checkpoint '{parentKey}' is of workload {meta.Workload} with {meta.BatchesPerEpoch} batches per epoch");
            }

            if (meta.Epoch < 1 || meta.Epoch >= request.Epochs || meta.ValLosses.Count != meta.Epoch)
            {
                throw new InvalidDataException($"the parent checkpoint '{parentKey}' is at epoch {meta.Epoch}; this run ends at epoch {request.Epochs}");
            }

            session.Load(state);
        }

        return meta;
    }

    private void TryDelete(string key)
    {
        try
        {
            _checkpoints!.Delete(key);
        }
        catch (IOException)
        {
            // A new checkpoint overwrites it at the next save anyway.
        }
    }

    private static WorkloadData LoadData(IWorkload workload)
    {
        try
        {
            return workload.LoadData() ?? throw new WorkloadException(workload.Name, "LoadData returned null");
        }
        catch (Exception e) when (e is not WorkloadException)
        {
            throw new WorkloadException(workload.Name, $"LoadData failed: {e.Message}", e);
        }
    }

    // This thread is dedicated to the run, so waiting for the (possibly async) callback here is safe.
    private static T Wait<T>(ValueTask<T> answer) => answer.IsCompletedSuccessfully ? answer.Result : answer.AsTask().GetAwaiter().GetResult();

    private static void Wait(ValueTask answer)
    {
        if (!answer.IsCompletedSuccessfully)
        {
            answer.AsTask().GetAwaiter().GetResult();
        }
    }
}

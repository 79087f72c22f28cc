using HyperSearch.Core.Schedules;
using HyperSearch.Core.Training;
using HyperSearch.Core.Trials;

namespace HyperSearch.Worker.Testing;

/// <summary>
/// TEST DOUBLE, not a trainer: sleeps per epoch and reports synthetic metrics (best near
/// initialLr = 0.01; initialLr ≥ 1 diverges with a NaN loss). Selected with
/// HyperSearch:Worker:Trainer=fake so reliability tests and the queue benchmark can drive the real
/// worker binary fast; epoch length from HyperSearch:Worker:Fake:EpochMilliseconds. Only knows the
/// workload <see cref="WorkloadName"/>. It reports the config's schedule stepped once per epoch as
/// the learning rate trained with, so pages driven by it show a schedule's shape, not a flat line.
/// </summary>
public sealed class SleepTrainer(TimeSpan epochDuration, TimeProvider time) : ITrainer
{
    public const string WorkloadName = "sleep";

    public async Task<TrainingOutcome> TrainAsync(TrainingRequest request, Func<EpochReport, ValueTask<bool>> onEpoch, CancellationToken cancellationToken)
    {
        if (request.Workload != WorkloadName)
            throw new ArgumentException($"the fake trainer only runs workload '{WorkloadName}', not '{request.Workload}'");
        var started = time.GetTimestamp();
        var schedule = LrSchedulerFactory.Create(request.Config);
        for (var epoch = 1; epoch <= request.Epochs; epoch++)
        {
            try
            {
                if (epochDuration > TimeSpan.Zero) await Task.Delay(epochDuration, time, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                return new TrainingOutcome(TrialState.Cancelled, epoch - 1);
            }
            var (valLoss, accuracy) = Metrics(request, epoch);
            var report = new EpochReport(epoch, valLoss * 0.9, valLoss, accuracy, schedule.CurrentLr, time.GetElapsedTime(started).TotalSeconds);
            var goOn = await onEpoch(report);
            if (double.IsNaN(valLoss)) return new TrainingOutcome(TrialState.Diverged, epoch);
            if (cancellationToken.IsCancellationRequested) return new TrainingOutcome(TrialState.Cancelled, epoch);
            if (!goOn) return new TrainingOutcome(TrialState.Pruned, epoch);
            schedule.Step(valLoss);
        }
        if (!request.EvaluateTestSet) return new TrainingOutcome(TrialState.Completed, request.Epochs);
        var (testLoss, testAccuracy) = Metrics(request, request.Epochs + 1);
        return new TrainingOutcome(TrialState.Completed, request.Epochs, testLoss, testAccuracy);
    }

    private static (double Loss, double Accuracy) Metrics(TrainingRequest request, int epoch)
    {
        var lr = request.Config.InitialLr;
        if (lr >= 1) return (double.NaN, 0.1);
        var noise = new Random(HashCode.Combine(request.Seed, epoch)).NextDouble() * 0.01;
        var loss = 0.3 + 0.4 * Math.Abs(Math.Log10(lr) + 2) + 1.0 / epoch + noise;
        return (loss, Math.Clamp(1.0 - loss / 3, 0, 1));
    }
}

using HyperSearch.Core.Configuration;
using HyperSearch.Core.Training;
using HyperSearch.Training.Tests.Workloads;
using HyperSearch.Training.Trainer;
using HyperSearch.Training.Workloads;

namespace HyperSearch.Training.Tests.Support;

/// <summary>Runs the real trainer with a constant test schedule and collects what it reports.</summary>
internal static class TrainerRun
{
    public static WorkloadRegistry Registry { get; } = WorkloadRegistry.CreateDefault(new WorkloadOptions
    {
        // Small Fashion subsets keep the whole suite fast on 2 cores.
        FashionTrainSize = 4000,
        FashionValidationSize = 1000,
    }).Add(new TorchDropoutWorkload()).Add(new DeepNarrowWorkload());

    public static TrialConfig Config(double lr, OptimizerSpec? optimizer = null) =>
        new() { InitialLr = lr, Decay = new ConstantDecay(), Optimizer = optimizer };

    public static TrainingRequest Request(string workload, TrialConfig config, int epochs, int seed = 1) =>
        new() { Workload = workload, Config = config, Epochs = epochs, Seed = seed, Threads = 1 };

    public static async Task<(TrainingOutcome Outcome, List<EpochReport> Epochs)> RunAsync(
        TrainingRequest request,
        Func<EpochReport, bool>? onEpoch = null,
        RecordingScheduler? scheduler = null,
        CancellationToken cancellationToken = default)
    {
        var reports = new List<EpochReport>();
        var trainer = new TorchTrainer(Registry, c => scheduler ?? new RecordingScheduler(c.InitialLr));
        var outcome = await trainer.TrainAsync(
            request,
            report =>
            {
                reports.Add(report);
                return ValueTask.FromResult(onEpoch?.Invoke(report) ?? true);
            },
            cancellationToken);
        return (outcome, reports);
    }
}

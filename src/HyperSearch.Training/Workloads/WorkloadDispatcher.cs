using HyperSearch.Core.Training;

namespace HyperSearch.Training.Workloads;

/// <summary>
/// The worker's one <see cref="ITrainer"/>: a command workload's trial goes to the command trainer (which
/// runs the team's program), every other to the TorchSharp trainer (which also reports unknown names).
/// </summary>
public sealed class WorkloadDispatcher(WorkloadRegistry workloads, ITrainer torchSharp, ITrainer commands) : ITrainer
{
    public Task<TrainingOutcome> TrainAsync(TrainingRequest request, Func<EpochReport, ValueTask<bool>> onEpoch, CancellationToken cancellationToken) =>
        (workloads.TryGetCommand(request.Workload ?? "", out _) ? commands : torchSharp).TrainAsync(request, onEpoch, cancellationToken);
}

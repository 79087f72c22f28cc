using HyperSearch.Core.Configuration;
using HyperSearch.Core.Training;

namespace HyperSearch.Training.Command;

/// <summary>
/// The trial file a command workload's program reads (path in <c>HYPERSEARCH_TRIAL_FILE</c>), camelCase
/// JSON: the request's fields, where to keep checkpoints, whether to resume, and the trial config itself.
/// </summary>
public sealed record CommandTrialFile
{
    public required string Workload { get; init; }
    public required int Epochs { get; init; }
    public required int Seed { get; init; }

    /// <summary>The device as the worker names it (<c>cpu</c>, <c>cuda:2</c>). The program sees a GPU trial's one GPU as <c>cuda:0</c> (<c>CUDA_VISIBLE_DEVICES</c>).</summary>
    public required string Device { get; init; }

    public required int Threads { get; init; }
    public required ScheduleUnit ScheduleUnit { get; init; }

    /// <summary>Evaluate the held-out test set after the last epoch and print a <c>testLoss</c> line.</summary>
    public required bool EvaluateTestSet { get; init; }

    /// <summary>The program's own folder for its checkpoints; it survives the trial's returns to the queue.</summary>
    public required string CheckpointDir { get; init; }

    /// <summary>The folder holds an earlier attempt of this very run: load your checkpoint if you wrote one.</summary>
    public required bool Resume { get; init; }

    /// <summary>The LR of epoch 1 (answers carry the next epoch's LR; see the protocol).</summary>
    public required double Lr { get; init; }

    public required TrialConfig Config { get; init; }
}

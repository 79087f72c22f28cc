using System.Text.Json;
using HyperSearch.Core.Json;
using HyperSearch.Core.Training;
using HyperSearch.Core.Trials;
using HyperSearch.Core.Validation;
using HyperSearch.Training.Checkpoints;
using HyperSearch.Training.Devices;
using HyperSearch.Training.Trainer;
using HyperSearch.Training.Workloads;

namespace HyperSearch.Training.Command;

/// <summary>
/// Trains a command workload's trial by running the team's own program (docs/training.md, "Your own
/// program"): one process per trial, told the trial through a trial file and <c>HYPERSEARCH_*</c>
/// variables, reporting epochs as JSON lines and answered line by line (continue with the next LR, or
/// stop). With a checkpoint store and a request's key the program's folder survives the trial's returns to
/// the queue, so a re-claimed trial resumes from the program's own checkpoint.
/// </summary>
/// <remarks>
/// Outcomes: Completed (exit 0 after the last epoch), Pruned (answered <c>prune</c>), Diverged (a reported
/// loss is NaN or infinite), Cancelled (SIGTERM, then SIGKILL after the command's grace period). A crash,
/// a non-zero exit, a line that breaks the protocol, or no line within the command's epoch timeout throw a
/// <see cref="WorkloadException"/> that ends with the program's last stderr lines: that trial fails and
/// the worker goes on.
/// </remarks>
public sealed class CommandTrainer(WorkloadRegistry workloads, CheckpointStore? checkpoints = null) : ITrainer
{
    /// <exception cref="InvalidTrainingRequestException">The request names a bad field.</exception>
    /// <exception cref="WorkloadException">The program failed, or could not be started.</exception>
    public async Task<TrainingOutcome> TrainAsync(TrainingRequest request, Func<EpochReport, ValueTask<bool>> onEpoch, CancellationToken cancellationToken)
    {
        var errors = new List<ValidationError>();
        var known = workloads.TryGetCommand(request.Workload ?? "", out var command);
        if (!known)
        {
            errors.Add(new("workload", $"'{request.Workload}' is not a command workload (commands: {string.Join(", ", workloads.Commands.Select(c => c.Name))})"));
        }

        if (DeviceCatalog.CheckName(request.Device, out _) is { } device)
        {
            errors.Add(new("device", device));
        }

        TrainingRequestValidator.ValidateRun(request, errors, known ? WorkloadRegistry.Info(command) : null);
        if (errors.Count > 0)
        {
            throw new InvalidTrainingRequestException(errors);
        }

        if (cancellationToken.IsCancellationRequested)
        {
            return new TrainingOutcome(TrialState.Cancelled, 0, Message: "cancelled");
        }

        using var folder = TrialFolder.Open(checkpoints, request, JsonSerializer.Serialize(request.Config, HyperJson.Options));
        var outcome = await new CommandRun(command, request, folder, onEpoch, cancellationToken).RunAsync();
        return folder.Warning is null ? outcome : outcome with { Message = outcome.Message is null ? folder.Warning : $"{outcome.Message}; {folder.Warning}" };
    }
}

using System.Globalization;

namespace HyperSearch.Worker.Slurm;

/// <summary>
/// How the worker jobs of one team (or the deployment's default) are submitted: partition, account, QoS,
/// GPUs (<c>--gres</c>, e.g. <c>gpu:a100:1</c>; empty = a CPU job), time limit (<c>--time</c>), the job
/// cap, and the device slots the job's worker offers (per GPU, or CPU slots for a CPU job).
/// </summary>
public sealed record SlurmProfile(
    string Name,
    string? Partition,
    string? Account,
    string? Qos,
    string? Gres,
    string? TimeLimit,
    int MaxJobs,
    int SlotsPerGpu,
    int CpuSlots,
    int? CpusPerTask)
{
    /// <summary>GPUs one job asks for: the count at the end of the gres (<c>gpu:a100:2</c> → 2; <c>gpu</c> → 1); 0 for a CPU job.</summary>
    public int Gpus => Gres is null ? 0
        : int.TryParse(Gres[(Gres.LastIndexOf(':') + 1)..], NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : 1;

    /// <summary>Device slots one job's worker offers.</summary>
    public int SlotsPerJob => Gpus > 0 ? Gpus * SlotsPerGpu : CpuSlots;
}

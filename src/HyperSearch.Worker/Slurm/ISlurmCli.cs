using HyperSearch.Core.Slurm;

namespace HyperSearch.Worker.Slurm;

/// <summary>The Slurm commands the executor uses; each throws <see cref="SlurmCommandException"/> with Slurm's reason.</summary>
public interface ISlurmCli
{
    /// <summary><c>squeue</c>: the executor's jobs still known to the controller (pending, running, completing).</summary>
    Task<IReadOnlyList<SlurmJob>> ListAsync(CancellationToken cancellationToken);

    /// <summary><c>sbatch</c> with <paramref name="script"/> on stdin; returns the job id.</summary>
    Task<string> SubmitAsync(SlurmProfile profile, string script, IReadOnlyDictionary<string, string> environment, CancellationToken cancellationToken);

    /// <summary><c>scancel</c>: Slurm sends SIGTERM (the worker hands its trials back), then SIGKILL after its KillWait.</summary>
    Task CancelAsync(IReadOnlyList<string> jobIds, CancellationToken cancellationToken);
}

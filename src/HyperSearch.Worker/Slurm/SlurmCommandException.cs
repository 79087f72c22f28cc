namespace HyperSearch.Worker.Slurm;

/// <summary>A Slurm command that failed, with the reason Slurm gave (its error output) or why it could not run.</summary>
public sealed class SlurmCommandException(string command, string reason) : Exception($"{command}: {reason}")
{
    public string Command { get; } = command;
    public string Reason { get; } = reason;
}

using System.Text.RegularExpressions;

namespace HyperSearch.Core.Slurm;

/// <summary>
/// The host name a worker started by a Slurm job registers with ("node7 slurm job 123"): the Queue page
/// shows which job a worker is, and the executor finds the worker of each job (idle or busy) by it.
/// </summary>
public static partial class SlurmWorkerHost
{
    public static string Format(string node, string jobId) => $"{node} slurm job {jobId}";

    /// <summary>The job id in a worker's host name, or null for a worker no Slurm job started.</summary>
    public static string? JobId(string host) => Pattern().Match(host) is { Success: true } m ? m.Groups[1].Value : null;

    [GeneratedRegex(@" slurm job (\d+(?:_\d+)?)$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}

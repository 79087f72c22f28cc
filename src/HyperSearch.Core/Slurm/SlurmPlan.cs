namespace HyperSearch.Core.Slurm;

/// <summary>
/// One round of the executor: how many jobs to submit per profile, and which jobs to cancel (each with the
/// reason, for the log) because the trials they would serve are gone.
/// </summary>
public sealed record SlurmPlan(IReadOnlyDictionary<string, int> Submit, IReadOnlyList<(string JobId, string Reason)> Cancel)
{
    public static readonly SlurmPlan Nothing = new(new Dictionary<string, int>(), []);
}

namespace HyperSearch.Core.Searches;

/// <summary>Trials of a search by state (search trials only, the test run excluded).</summary>
public sealed record TrialCounts(int Queued, int Running, int Completed, int Pruned, int Diverged, int Failed, int Cancelled)
{
    public int Total => Queued + Running + Finished;
    public int Finished => Completed + Pruned + Diverged + Failed + Cancelled;
}

namespace HyperSearch.Core.Schedules;

/// <summary>PyTorch <c>MultiStepLR</c>: at each milestone the current LR is multiplied by gamma^(times listed).</summary>
internal sealed class MultiStepLrScheduler : TorchLrScheduler
{
    // PyTorch keeps a Counter, so a milestone listed twice decays twice.
    private readonly Dictionary<int, int> _milestoneCounts;
    private readonly int[] _sortedMilestones;
    private readonly double _gamma;

    public MultiStepLrScheduler(ParamGroup group, IReadOnlyList<int> milestones, double gamma)
        : base(group)
    {
        _milestoneCounts = milestones.GroupBy(m => m).ToDictionary(g => g.Key, g => g.Count());
        _sortedMilestones = milestones.Order().ToArray();
        _gamma = gamma;
        InitialStep();
    }

    protected override double GetLr() =>
        _milestoneCounts.TryGetValue(LastEpoch, out var count) ? Group.Lr * Math.Pow(_gamma, count) : Group.Lr;

    protected override double? ClosedFormLr() => BaseLr * Math.Pow(_gamma, BisectRight(_sortedMilestones, LastEpoch));

    /// <summary>Python's <c>bisect_right</c>: how many sorted values are ≤ x.</summary>
    private static int BisectRight(int[] sorted, int x)
    {
        var count = 0;
        while (count < sorted.Length && sorted[count] <= x)
        {
            count++;
        }

        return count;
    }
}

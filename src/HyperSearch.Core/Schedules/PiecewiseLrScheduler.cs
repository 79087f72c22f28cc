namespace HyperSearch.Core.Schedules;

/// <summary>
/// PyTorch <c>LambdaLR(lambda t: factors[bisect_right(milestones, t)])</c>: lr = base_lr · factor,
/// one multiplication, so the LRs equal PyTorch's bit for bit and an exported PBT schedule replays exactly.
/// </summary>
internal sealed class PiecewiseLrScheduler : TorchLrScheduler
{
    private readonly int[] _milestones;
    private readonly double[] _factors;

    public PiecewiseLrScheduler(ParamGroup group, IReadOnlyList<int> milestones, IReadOnlyList<double> factors)
        : base(group)
    {
        _milestones = milestones.ToArray();
        _factors = factors.ToArray();
        InitialStep();
    }

    protected override double GetLr() => BaseLr * _factors[MilestonesPassed(LastEpoch)];

    private int MilestonesPassed(int t)
    {
        var count = 0;
        while (count < _milestones.Length && _milestones[count] <= t)
        {
            count++;
        }

        return count;
    }
}

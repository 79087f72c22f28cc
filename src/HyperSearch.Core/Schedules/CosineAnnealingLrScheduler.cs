namespace HyperSearch.Core.Schedules;

/// <summary>
/// PyTorch <c>CosineAnnealingLR</c>. Its <c>get_lr</c> is recursive (a ratio of cosines times the
/// current LR), not the closed form, and past tMax it keeps following the cosine back up; both are
/// mirrored term by term so the floating-point result is PyTorch's.
/// </summary>
internal sealed class CosineAnnealingLrScheduler : TorchLrScheduler
{
    private readonly int _tMax;
    private readonly double _etaMin;

    public CosineAnnealingLrScheduler(ParamGroup group, int tMax, double etaMin)
        : base(group)
    {
        _tMax = tMax;
        _etaMin = etaMin;
        InitialStep();
    }

    protected override double GetLr()
    {
        var epoch = LastEpoch;
        if (epoch == 0)
        {
            return Group.Lr;
        }

        if (StepCount == 1 && epoch > 0)
        {
            return _etaMin + (BaseLr - _etaMin) * (1 + Math.Cos(epoch * Math.PI / _tMax)) / 2;
        }

        // The step after each minimum, where the ratio below would divide by zero.
        if ((epoch - 1 - _tMax) % (2 * _tMax) == 0)
        {
            return Group.Lr + (BaseLr - _etaMin) * (1 - Math.Cos(Math.PI / _tMax)) / 2;
        }

        return (1 + Math.Cos(Math.PI * epoch / _tMax)) / (1 + Math.Cos(Math.PI * (epoch - 1) / _tMax))
            * (Group.Lr - _etaMin) + _etaMin;
    }

    protected override double? ClosedFormLr() =>
        _etaMin + (BaseLr - _etaMin) * (1 + Math.Cos(Math.PI * LastEpoch / _tMax)) / 2;
}

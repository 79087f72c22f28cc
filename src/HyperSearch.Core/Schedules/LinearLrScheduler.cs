namespace HyperSearch.Core.Schedules;

/// <summary>
/// PyTorch <c>LinearLR</c>: the factor moves linearly from startFactor to endFactor over
/// totalIters steps, applied recursively to the current LR. Also the warmup's first scheduler.
/// </summary>
internal sealed class LinearLrScheduler : TorchLrScheduler
{
    private readonly double _startFactor;
    private readonly double _endFactor;
    private readonly int _totalIters;

    public LinearLrScheduler(ParamGroup group, double startFactor, double endFactor, int totalIters)
        : base(group)
    {
        _startFactor = startFactor;
        _endFactor = endFactor;
        _totalIters = totalIters;
        InitialStep();
    }

    protected override double GetLr()
    {
        if (LastEpoch == 0)
        {
            return Group.Lr * _startFactor;
        }

        if (LastEpoch > _totalIters)
        {
            return Group.Lr;
        }

        return Group.Lr * (1.0 + (_endFactor - _startFactor)
            / (_totalIters * _startFactor + (LastEpoch - 1) * (_endFactor - _startFactor)));
    }

    protected override double? ClosedFormLr() =>
        BaseLr * (_startFactor + (_endFactor - _startFactor) * Math.Min(_totalIters, LastEpoch) / _totalIters);
}

namespace HyperSearch.Core.Schedules;

/// <summary>PyTorch <c>PolynomialLR</c>: recursive per-step factor, LR stays at 0 after totalIters.</summary>
internal sealed class PolynomialLrScheduler : TorchLrScheduler
{
    private readonly int _totalIters;
    private readonly double _power;

    public PolynomialLrScheduler(ParamGroup group, int totalIters, double power)
        : base(group)
    {
        _totalIters = totalIters;
        _power = power;
        InitialStep();
    }

    protected override double GetLr()
    {
        if (LastEpoch == 0 || LastEpoch > _totalIters)
        {
            return Group.Lr;
        }

        var decayFactor = Math.Pow(
            (1.0 - (double)LastEpoch / _totalIters) / (1.0 - (double)(LastEpoch - 1) / _totalIters),
            _power);
        return Group.Lr * decayFactor;
    }

    protected override double? ClosedFormLr() =>
        BaseLr * Math.Pow(1.0 - (double)Math.Min(_totalIters, LastEpoch) / _totalIters, _power);
}

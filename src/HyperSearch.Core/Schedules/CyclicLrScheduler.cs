namespace HyperSearch.Core.Schedules;

/// <summary>
/// PyTorch <c>CyclicLR</c> with <c>cycle_momentum=False</c>: the LR cycles between baseLr and maxLr
/// (stepSizeUp up, stepSizeDown down) with the triangular, triangular2 or exp_range amplitude.
/// </summary>
internal sealed class CyclicLrScheduler : TorchLrScheduler
{
    private readonly double _baseLr;
    private readonly double _maxLr;
    private readonly double _totalSize;
    private readonly double _stepRatio;
    private readonly CyclicMode _mode;
    private readonly double _gamma;

    public CyclicLrScheduler(
        ParamGroup group, double baseLr, double maxLr, int stepSizeUp, int? stepSizeDown, CyclicMode mode, double gamma)
        : base(SetGroupLr(group, baseLr))
    {
        _baseLr = baseLr;
        _maxLr = maxLr;
        double up = stepSizeUp;
        double down = stepSizeDown ?? up;
        _totalSize = up + down;
        _stepRatio = up / _totalSize;
        _mode = mode;
        _gamma = gamma;
        InitialStep();
    }

    protected override double GetLr()
    {
        var cycle = Math.Floor(1 + LastEpoch / _totalSize);
        var x = 1.0 + LastEpoch / _totalSize - cycle;
        var scaleFactor = x <= _stepRatio ? x / _stepRatio : (x - 1) / (_stepRatio - 1);
        var baseHeight = (_maxLr - _baseLr) * scaleFactor;
        var scale = _mode switch
        {
            CyclicMode.Triangular => 1.0,
            CyclicMode.Triangular2 => 1 / Math.Pow(2.0, cycle - 1),
            _ => Math.Pow(_gamma, LastEpoch),
        };
        return _baseLr + baseHeight * scale;
    }

    // CyclicLR's constructor writes base_lr into the group before the base class reads it.
    private static ParamGroup SetGroupLr(ParamGroup group, double baseLr)
    {
        group.Lr = baseLr;
        return group;
    }
}

namespace HyperSearch.Core.Schedules;

/// <summary>PyTorch <c>StepLR</c>: multiplies the current LR by gamma every stepSize steps (recursively).</summary>
internal sealed class StepLrScheduler : TorchLrScheduler
{
    private readonly int _stepSize;
    private readonly double _gamma;

    public StepLrScheduler(ParamGroup group, int stepSize, double gamma)
        : base(group)
    {
        _stepSize = stepSize;
        _gamma = gamma;
        InitialStep();
    }

    protected override double GetLr() =>
        LastEpoch == 0 || LastEpoch % _stepSize != 0 ? Group.Lr : Group.Lr * _gamma;

    protected override double? ClosedFormLr() => BaseLr * Math.Pow(_gamma, LastEpoch / _stepSize);
}

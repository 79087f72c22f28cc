namespace HyperSearch.Core.Schedules;

/// <summary>PyTorch <c>ExponentialLR</c>: multiplies the current LR by gamma every step (recursively).</summary>
internal sealed class ExponentialLrScheduler : TorchLrScheduler
{
    private readonly double _gamma;

    public ExponentialLrScheduler(ParamGroup group, double gamma)
        : base(group)
    {
        _gamma = gamma;
        InitialStep();
    }

    protected override double GetLr() => LastEpoch == 0 ? Group.Lr : Group.Lr * _gamma;

    protected override double? ClosedFormLr() => BaseLr * Math.Pow(_gamma, LastEpoch);
}

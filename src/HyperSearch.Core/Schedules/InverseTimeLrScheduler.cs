namespace HyperSearch.Core.Schedules;

/// <summary>
/// lr = initialLr / (1 + decayRate·t). PyTorch has no such class; the reference is
/// <c>LambdaLR(lambda t: 1.0 / (1.0 + decayRate * t))</c>, whose multiplication order we keep.
/// </summary>
internal sealed class InverseTimeLrScheduler : TorchLrScheduler
{
    private readonly double _decayRate;

    public InverseTimeLrScheduler(ParamGroup group, double decayRate)
        : base(group)
    {
        _decayRate = decayRate;
        InitialStep();
    }

    protected override double GetLr() => BaseLr * (1.0 / (1.0 + _decayRate * LastEpoch));
}

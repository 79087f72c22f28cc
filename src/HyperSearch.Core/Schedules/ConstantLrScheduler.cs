namespace HyperSearch.Core.Schedules;

/// <summary>A constant LR, as PyTorch <c>LambdaLR(lambda t: 1.0)</c> (so it can follow a warmup).</summary>
internal sealed class ConstantLrScheduler : TorchLrScheduler
{
    public ConstantLrScheduler(ParamGroup group)
        : base(group) => InitialStep();

    protected override double GetLr() => BaseLr * 1.0;
}

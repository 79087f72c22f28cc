namespace HyperSearch.Core.Configuration;

/// <summary>
/// Linear warmup as PyTorch's <c>SequentialLR([LinearLR(startFactor → 1, steps), main], [steps])</c>:
/// the main schedule restarts at t − steps.
/// </summary>
public sealed record WarmupSpec
{
    public required int Steps { get; init; }
    public double StartFactor { get; init; } = 0.1;
}

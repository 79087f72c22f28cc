using HyperSearch.Training.Data;

namespace HyperSearch.Training.Workloads;

/// <summary>
/// Small CNN on Fashion-MNIST (conv 16, conv 32, fc 128, fc 10); by default 5k train / 1k validation
/// so an epoch takes a few seconds on 2 cores.
/// </summary>
public sealed class FashionCnnWorkload(WorkloadOptions options) : FashionWorkload(options, 5_000, 1_000)
{
    public const string WorkloadName = "fashion-cnn";

    public override string Name => WorkloadName;
    public override string Description => "Fashion-MNIST, CNN 2 conv + 2 fc";
    public override ModelSpec Model { get; } =
        ModelSpec.Cnn(1, FashionMnist.Side, FashionMnist.Side, FashionMnist.Classes, conv1: 16, conv2: 32, fc: 128);
}

using HyperSearch.Training.Data;
using HyperSearch.Training.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace HyperSearch.Training.Workloads;

/// <summary>
/// Small CNN on Fashion-MNIST (conv 16, conv 32, fc 128, fc 10; params <c>conv1</c>, <c>conv2</c>,
/// <c>fc</c>); by default 5k train / 1k validation so an epoch takes a few seconds on 2 cores.
/// </summary>
public sealed class FashionCnnWorkload(WorkloadOptions options) : FashionWorkload(options, 5_000, 1_000)
{
    public const string WorkloadName = "fashion-cnn";

    public override string Name => WorkloadName;
    public override string Description => "Fashion-MNIST, CNN 2 conv + 2 fc";

    public override nn.Module<Tensor, Tensor> CreateModel(IReadOnlyDictionary<string, double> parameters, Device device) =>
        new SmallCnn(1, FashionMnist.Side, FashionMnist.Classes,
            WorkloadParameters.Int(parameters, "conv1", 16, 1, 512),
            WorkloadParameters.Int(parameters, "conv2", 32, 1, 512),
            WorkloadParameters.Int(parameters, "fc", 128, 1, 8192)).to(device);
}

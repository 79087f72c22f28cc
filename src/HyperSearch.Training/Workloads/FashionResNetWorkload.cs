using HyperSearch.Core.Training;
using HyperSearch.Training.Data;
using HyperSearch.Training.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace HyperSearch.Training.Workloads;

/// <summary>
/// A deeper CNN on Fashion-MNIST: a small ResNet with batch normalisation and residual blocks
/// (params <c>width</c> = stem channels, default 16; <c>blocks</c> per stage, default 2); by default
/// 5k train / 1k validation. Batch norm makes it tolerate much higher learning rates than the plain CNN.
/// </summary>
public sealed class FashionResNetWorkload(WorkloadOptions options) : FashionWorkload(options, 5_000, 1_000)
{
    public const string WorkloadName = "fashion-resnet";

    public override string Name => WorkloadName;
    public override string Description => "Fashion-MNIST, ResNet (batch norm, residual blocks; params: width, blocks)";

    public static readonly WorkloadParameter Width = WorkloadParameter.Int("width", 1, 256, 16, "stem channels (the second stage has twice as many)", log: true);
    public static readonly WorkloadParameter Blocks = WorkloadParameter.Int("blocks", 1, 8, 2, "residual blocks per stage");

    public override IReadOnlyList<WorkloadParameter> Parameters => [Width, Blocks];

    public override nn.Module<Tensor, Tensor> CreateModel(IReadOnlyDictionary<string, double> parameters, Device device) =>
        new ResidualCnn(1, FashionMnist.Side, FashionMnist.Classes,
            WorkloadParameters.Int(parameters, Width),
            WorkloadParameters.Int(parameters, Blocks)).to(device);
}

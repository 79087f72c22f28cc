using HyperSearch.Core.Training;
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

    public static readonly WorkloadParameter Conv1 = WorkloadParameter.Int("conv1", 1, 512, 16, "channels of the first convolution", log: true);
    public static readonly WorkloadParameter Conv2 = WorkloadParameter.Int("conv2", 1, 512, 32, "channels of the second convolution", log: true);
    public static readonly WorkloadParameter Fc = WorkloadParameter.Int("fc", 1, 8192, 128, "units of the hidden fully connected layer", log: true);

    public override IReadOnlyList<WorkloadParameter> Parameters => [Conv1, Conv2, Fc];

    public override nn.Module<Tensor, Tensor> CreateModel(IReadOnlyDictionary<string, double> parameters, Device device) =>
        new SmallCnn(1, FashionMnist.Side, FashionMnist.Classes,
            WorkloadParameters.Int(parameters, Conv1),
            WorkloadParameters.Int(parameters, Conv2),
            WorkloadParameters.Int(parameters, Fc)).to(device);
}

using HyperSearch.Core.Training;
using HyperSearch.Training.Data;
using HyperSearch.Training.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace HyperSearch.Training.Workloads;

/// <summary>
/// MLP on Fashion-MNIST, 784-256-10 by default; by default 12k train / 3k validation (an epoch ≈ 0.5 s
/// on 2 cores). Params: <c>hidden</c> (units per hidden layer), <c>layers</c> (hidden layers), <c>dropout</c>.
/// </summary>
public sealed class FashionMlpWorkload(WorkloadOptions options) : FashionWorkload(options, 12_000, 3_000)
{
    public const string WorkloadName = "fashion-mlp";

    public override string Name => WorkloadName;
    public override string Description => "Fashion-MNIST, MLP 784-256-10 (params: hidden, layers, dropout)";

    public static readonly WorkloadParameter Hidden = WorkloadParameter.Int("hidden", 1, 8192, 256, "units per hidden layer", log: true);
    public static readonly WorkloadParameter Layers = WorkloadParameter.Int("layers", 0, 16, 1, "hidden layers (0: a linear model)");
    public static readonly WorkloadParameter Dropout = WorkloadParameter.Float("dropout", 0, 0.95, 0, "dropout after each hidden layer");

    public override IReadOnlyList<WorkloadParameter> Parameters => [Hidden, Layers, Dropout];

    public override nn.Module<Tensor, Tensor> CreateModel(IReadOnlyDictionary<string, double> parameters, Device device)
    {
        var hidden = WorkloadParameters.Int(parameters, Hidden);
        var layers = WorkloadParameters.Int(parameters, Layers);
        var dropout = WorkloadParameters.Float(parameters, Dropout);
        var sizes = new List<long> { FashionMnist.Pixels };
        sizes.AddRange(Enumerable.Repeat((long)hidden, layers));
        sizes.Add(FashionMnist.Classes);
        return new Mlp(sizes, dropout).to(device);
    }
}

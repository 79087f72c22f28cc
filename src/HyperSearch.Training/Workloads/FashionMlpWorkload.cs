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

    public override nn.Module<Tensor, Tensor> CreateModel(IReadOnlyDictionary<string, double> parameters, Device device)
    {
        var hidden = WorkloadParameters.Int(parameters, "hidden", 256, 1, 8192);
        var layers = WorkloadParameters.Int(parameters, "layers", 1, 0, 16);
        var dropout = WorkloadParameters.Float(parameters, "dropout", 0, 0, 0.95);
        var sizes = new List<long> { FashionMnist.Pixels };
        sizes.AddRange(Enumerable.Repeat((long)hidden, layers));
        sizes.Add(FashionMnist.Classes);
        return new Mlp(sizes, dropout).to(device);
    }
}

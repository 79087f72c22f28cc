using HyperSearch.Training.Models;
using HyperSearch.Training.Workloads;
using TorchSharp;
using static TorchSharp.torch;

namespace HyperSearch.Training.Tests.Workloads;

/// <summary>
/// The synthetic regression fitted by a deep, narrow MLP with dropout: many tiny parameters, so an
/// optimizer step is dozens of short native calls with scalar arguments, the calls a race between a
/// trial's step and the finalizer thread hits.
/// </summary>
internal sealed class DeepNarrowWorkload : IWorkload
{
    public const string WorkloadName = "test-deep-narrow";
    private readonly SyntheticRegressionWorkload _regression = new();

    public string Name => WorkloadName;
    public string Description => "y = 2x + 3 + noise, MLP 1-(2×16)-1 with dropout 0.1";
    public TaskKind Task => TaskKind.Regression;
    public int DefaultBatchSize => 1;
    public WorkloadData LoadData() => _regression.LoadData();

    public nn.Module<Tensor, Tensor> CreateModel(IReadOnlyDictionary<string, double> parameters, Device device) =>
        new Mlp([1, .. Enumerable.Repeat(2L, 16), 1], dropout: 0.1).to(device);
}

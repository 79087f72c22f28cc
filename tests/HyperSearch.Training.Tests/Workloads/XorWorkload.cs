using HyperSearch.Training.Data;
using HyperSearch.Training.Models;
using HyperSearch.Training.Workloads;
using TorchSharp;
using static TorchSharp.torch;

namespace HyperSearch.Training.Tests.Workloads;

/// <summary>The custom-workload example of docs/training.md, kept compiling and training here.</summary>
internal sealed class XorWorkload : IWorkload
{
    private readonly Lazy<WorkloadData> _data = new(() =>
    {
        var x = new float[] { 0, 0, 0, 1, 1, 0, 1, 1 };
        var data = Dataset.Classification(x, featureCount: 2, labels: [0, 1, 1, 0], classes: 2);
        return new WorkloadData(data, data, data);
    });

    public string Name => "xor";
    public string Description => "XOR, MLP 2-8-2";
    public TaskKind Task => TaskKind.Classification;
    public int DefaultBatchSize => 4;
    public WorkloadData LoadData() => _data.Value;

    public nn.Module<Tensor, Tensor> CreateModel(IReadOnlyDictionary<string, double> parameters, Device device) =>
        new Mlp([2, WorkloadParameters.Int(parameters, "hidden", 8, 1, 64), 2]).to(device);
}

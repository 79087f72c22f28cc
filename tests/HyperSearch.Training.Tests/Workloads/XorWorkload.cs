using HyperSearch.Training.Data;
using HyperSearch.Training.Workloads;

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
    public ModelSpec Model { get; } = ModelSpec.Mlp(TaskKind.Classification, 2, 8, 2);
    public int DefaultBatchSize => 4;
    public WorkloadData LoadData() => _data.Value;
}

using HyperSearch.Training.Workloads;
using TorchSharp;
using static TorchSharp.torch;

namespace HyperSearch.Training.Tests.Workloads;

/// <summary>
/// A team's model as it would typically be written: two-spirals with TorchSharp's own
/// <c>nn.Dropout</c>, which draws from libtorch's process-wide generator.
/// </summary>
internal sealed class TorchDropoutWorkload : IWorkload
{
    public const string WorkloadName = "test-torch-dropout";
    private readonly TwoSpiralsWorkload _spirals = new();

    public string Name => WorkloadName;
    public string Description => "two-spirals, MLP with nn.Dropout(0.3)";
    public TaskKind Task => TaskKind.Classification;
    public int DefaultBatchSize => 32;
    public WorkloadData LoadData() => _spirals.LoadData();

    public nn.Module<Tensor, Tensor> CreateModel(IReadOnlyDictionary<string, double> parameters, Device device) =>
        nn.Sequential(nn.Linear(2, 32), nn.ReLU(), nn.Dropout(0.3), nn.Linear(32, 2)).to(device);
}

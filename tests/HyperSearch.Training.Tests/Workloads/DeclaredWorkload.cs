using HyperSearch.Core.Training;
using HyperSearch.Training.Data;
using HyperSearch.Training.Workloads;
using TorchSharp;
using static TorchSharp.torch;

namespace HyperSearch.Training.Tests.Workloads;

/// <summary>XOR with whatever declaration a test gives it (a plug-in's declaration, right or wrong).</summary>
internal sealed class DeclaredWorkload(IReadOnlyList<WorkloadParameter>? parameters, WorkloadParameter? batchSize = null) : IWorkload
{
    private readonly XorWorkload _xor = new();

    public string Name => "declared";
    public string Description => "XOR with declared parameters";
    public TaskKind Task => TaskKind.Classification;
    public int DefaultBatchSize => 4;
    public IReadOnlyList<WorkloadParameter>? Parameters => parameters;
    public WorkloadParameter? BatchSize => batchSize;
    public WorkloadData LoadData() => _xor.LoadData();

    public nn.Module<Tensor, Tensor> CreateModel(IReadOnlyDictionary<string, double> p, Device device) => _xor.CreateModel(p, device);
}

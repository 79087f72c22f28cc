using HyperSearch.Training.Data;
using HyperSearch.Training.Models;
using HyperSearch.Training.Workloads;
using TorchSharp;
using static TorchSharp.torch;

namespace HyperSearch.Training.Tests.Workloads;

/// <summary>A workload with one chosen fault, for the trainer's error messages.</summary>
public sealed class BrokenWorkload(BrokenWorkload.Fault fault) : IWorkload
{
    public enum Fault { DataTask, FactoryThrows, WrongShape, LoadDataThrows }

    public string Name => "broken";
    public string Description => $"broken on purpose: {fault}";
    public TaskKind Task => TaskKind.Classification;
    public int DefaultBatchSize => 2;

    public WorkloadData LoadData()
    {
        if (fault == Fault.LoadDataThrows)
        {
            throw new IOException("disk on fire");
        }

        var data = fault == Fault.DataTask
            ? Dataset.Regression([1, 2, 3, 4], 2, [1, 0], 1)
            : Dataset.Classification([1, 2, 3, 4], 2, [1, 0], 2);
        return new WorkloadData(data, data, data);
    }

    public nn.Module<Tensor, Tensor> CreateModel(IReadOnlyDictionary<string, double> parameters, Device device) => fault switch
    {
        Fault.FactoryThrows => new Mlp([2, WorkloadParameters.Int(parameters, "hidden", 4, 1, 8), 2]),
        Fault.WrongShape => new Mlp([2, 3]),
        _ => new Mlp([2, 2]),
    };
}

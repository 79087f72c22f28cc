using HyperSearch.Core.Training;
using HyperSearch.Training.Data;
using HyperSearch.Training.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace HyperSearch.Training.Workloads;

/// <summary>
/// Two interleaved spirals (1.5 turns each, light noise): a small nonconvex classification task for
/// an MLP 2-64-64-2. Linear models stay near 50 % accuracy; a well-tuned MLP gets above 95 %.
/// </summary>
public sealed class TwoSpiralsWorkload : IWorkload
{
    public const string WorkloadName = "two-spirals";
    private const double Turns = 1.5;

    private readonly Lazy<WorkloadData> _data = new(Generate);

    public string Name => WorkloadName;
    public string Description => "Two interleaved spirals, MLP 2-64-64-2 (params: hidden, dropout)";
    public TaskKind Task => TaskKind.Classification;
    public int DefaultBatchSize => 32;

    public static readonly WorkloadParameter Hidden = WorkloadParameter.Int("hidden", 1, 4096, 64, "units of each of the two hidden layers", log: true);
    public static readonly WorkloadParameter Dropout = WorkloadParameter.Float("dropout", 0, 0.95, 0, "dropout after each hidden layer");

    public IReadOnlyList<WorkloadParameter> Parameters => [Hidden, Dropout];

    public WorkloadParameter BatchSize => WorkloadParameters.BatchSize(1000, DefaultBatchSize);

    public WorkloadData LoadData() => _data.Value;

    public nn.Module<Tensor, Tensor> CreateModel(IReadOnlyDictionary<string, double> parameters, Device device)
    {
        long hidden = WorkloadParameters.Int(parameters, Hidden);
        var dropout = WorkloadParameters.Float(parameters, Dropout);
        return new Mlp([2, hidden, hidden, 2], dropout).to(device);
    }

    private static WorkloadData Generate()
    {
        var random = new Random(11);
        return new WorkloadData(Make(1000, random), Make(400, random), Make(400, random));
    }

    private static Dataset Make(int count, Random random)
    {
        var x = new float[count * 2];
        var labels = new long[count];
        for (var i = 0; i < count; i++)
        {
            var label = i % 2;
            // sqrt spreads points evenly along the arc instead of crowding the centre.
            var t = Math.Sqrt(random.NextDouble());
            var angle = t * Turns * 2 * Math.PI + label * Math.PI;
            x[2 * i] = (float)(t * Math.Cos(angle) + 0.02 * (random.NextDouble() - 0.5));
            x[2 * i + 1] = (float)(t * Math.Sin(angle) + 0.02 * (random.NextDouble() - 0.5));
            labels[i] = label;
        }

        return Dataset.Classification(x, 2, labels, 2);
    }
}

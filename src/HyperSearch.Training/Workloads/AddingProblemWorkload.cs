using HyperSearch.Core.Training;
using HyperSearch.Training.Data;
using HyperSearch.Training.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace HyperSearch.Training.Workloads;

/// <summary>
/// The adding problem (Hochreiter &amp; Schmidhuber 1997; Le et al. 2015), the standard synthetic test of
/// long-range memory in recurrent nets: each step carries a value in [0, 1) and a marker; exactly two
/// steps are marked (one in each half) and the target is the sum of their values. Predicting the mean
/// (1.0) gives MSE ≈ 0.167, so a model that beats it has learned to remember. An LSTM or GRU
/// (param <c>cell</c>: 0 = LSTM, 1 = GRU; <c>hidden</c>, default 64; <c>layers</c>, default 1) reads
/// the sequence; the metric is R². Recurrent nets are where exploding gradients and the LR matter
/// most: compare a trial with <c>gradClipNorm</c> against one without at a high LR (docs/training.md).
/// </summary>
public sealed class AddingProblemWorkload : IWorkload
{
    public const string WorkloadName = "adding-problem";
    public const int Steps = 50;
    private const int Features = 2;

    private readonly Lazy<WorkloadData> _data = new(Generate);

    public string Name => WorkloadName;
    public string Description => $"Adding problem, {Steps} steps, LSTM/GRU (params: cell 0=LSTM 1=GRU, hidden, layers; metric: R²)";
    public TaskKind Task => TaskKind.Regression;
    public int DefaultBatchSize => 64;

    public static readonly WorkloadParameter Cell = WorkloadParameter.Categorical("cell", [0, 1], 0, "recurrent cell: 0 = LSTM, 1 = GRU");
    public static readonly WorkloadParameter Hidden = WorkloadParameter.Int("hidden", 1, 2048, 64, "units of the recurrent state", log: true);
    public static readonly WorkloadParameter Layers = WorkloadParameter.Int("layers", 1, 8, 1, "stacked recurrent layers");

    public IReadOnlyList<WorkloadParameter> Parameters => [Cell, Hidden, Layers];

    public WorkloadParameter BatchSize => WorkloadParameters.BatchSize(10_000, DefaultBatchSize);

    public WorkloadData LoadData() => _data.Value;

    public nn.Module<Tensor, Tensor> CreateModel(IReadOnlyDictionary<string, double> parameters, Device device) =>
        new RecurrentRegressor(
            (RecurrentCell)WorkloadParameters.Int(parameters, Cell),
            Steps, Features,
            WorkloadParameters.Int(parameters, Hidden),
            WorkloadParameters.Int(parameters, Layers),
            outputs: 1).to(device);

    private static WorkloadData Generate()
    {
        var random = new Random(1997);
        return new WorkloadData(Make(10_000, random), Make(1_000, random), Make(1_000, random));
    }

    private static Dataset Make(int count, Random random)
    {
        var x = new float[count * Steps * Features];
        var y = new float[count];
        for (var i = 0; i < count; i++)
        {
            var first = random.Next(Steps / 2);
            var second = Steps / 2 + random.Next(Steps / 2);
            for (var t = 0; t < Steps; t++)
            {
                var at = (i * Steps + t) * Features;
                x[at] = (float)random.NextDouble();
                if (t == first || t == second)
                {
                    x[at + 1] = 1;
                    y[i] += x[at];
                }
            }
        }

        return Dataset.Regression(x, Steps * Features, y, 1);
    }
}

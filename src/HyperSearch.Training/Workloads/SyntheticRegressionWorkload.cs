using HyperSearch.Core.Training;
using HyperSearch.Training.Data;
using HyperSearch.Training.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace HyperSearch.Training.Workloads;

/// <summary>
/// y = 2x + 3 + noise with x ~ N(0, 1) and noise ~ N(0, 0.1²), fitted by a single linear layer with
/// MSE: the best reachable validation loss is the noise variance (≈ 0.01). The metric is R².
/// </summary>
public sealed class SyntheticRegressionWorkload : IWorkload
{
    public const string WorkloadName = "synthetic-regression";
    public const double NoiseStd = 0.1;

    private readonly Lazy<WorkloadData> _data = new(Generate);

    public string Name => WorkloadName;
    public string Description => "y = 2x + 3 + noise, linear model, MSE (metric: R²)";
    public TaskKind Task => TaskKind.Regression;
    public int DefaultBatchSize => 32;

    /// <summary>A fixed linear model: it takes no <c>params</c>.</summary>
    public IReadOnlyList<WorkloadParameter> Parameters => [];

    public WorkloadParameter BatchSize => WorkloadParameters.BatchSize(1024, DefaultBatchSize);

    public WorkloadData LoadData() => _data.Value;

    public nn.Module<Tensor, Tensor> CreateModel(IReadOnlyDictionary<string, double> parameters, Device device) =>
        new Mlp([1, 1]).to(device);

    private static WorkloadData Generate()
    {
        var random = new Random(7);
        return new WorkloadData(Make(1024, random), Make(256, random), Make(256, random));
    }

    private static Dataset Make(int count, Random random)
    {
        var x = new float[count];
        var y = new float[count];
        for (var i = 0; i < count; i++)
        {
            x[i] = (float)Gaussian(random);
            y[i] = (float)(2 * x[i] + 3 + NoiseStd * Gaussian(random));
        }

        return Dataset.Regression(x, 1, y, 1);
    }

    // Box–Muller; 1 - NextDouble() keeps the logarithm's argument in (0, 1].
    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}

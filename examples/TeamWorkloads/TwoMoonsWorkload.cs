using HyperSearch.Training.Data;
using HyperSearch.Training.Workloads;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace TeamWorkloads;

/// <summary>
/// A team's model, tuned by HyperSearch without touching its source: two interleaving half-moons
/// (scikit-learn's make_moons, generated here) classified by an MLP whose depth, width and activation
/// are search parameters (<c>params.depth</c>, <c>params.width</c>, <c>params.tanh</c> = 0 or 1).
/// </summary>
public sealed class TwoMoonsWorkload : IWorkload
{
    private readonly Lazy<WorkloadData> _data = new(() =>
    {
        var random = new Random(42);
        return new WorkloadData(Moons(800, random), Moons(200, random), Moons(200, random));
    });

    public string Name => "team-moons";
    public string Description => "Two moons, MLP (params: depth, width, tanh)";
    public TaskKind Task => TaskKind.Classification;
    public int DefaultBatchSize => 32;

    public WorkloadData LoadData() => _data.Value;

    public nn.Module<Tensor, Tensor> CreateModel(IReadOnlyDictionary<string, double> parameters, Device device)
    {
        var depth = WorkloadParameters.Int(parameters, "depth", 2, 1, 6);
        var width = WorkloadParameters.Int(parameters, "width", 32, 2, 512);
        var tanh = WorkloadParameters.Int(parameters, "tanh", 0, 0, 1) == 1;
        var layers = new List<(string, nn.Module<Tensor, Tensor>)>();
        long input = 2;
        for (var i = 0; i < depth; i++)
        {
            layers.Add(($"fc{i}", nn.Linear(input, width)));
            layers.Add(($"act{i}", tanh ? nn.Tanh() : nn.ReLU()));
            input = width;
        }

        layers.Add(("out", nn.Linear(input, 2)));
        return nn.Sequential(layers).to(device);
    }

    private static Dataset Moons(int count, Random random)
    {
        var x = new float[count * 2];
        var labels = new long[count];
        for (var i = 0; i < count; i++)
        {
            var label = i % 2;
            var angle = Math.PI * random.NextDouble();
            x[2 * i] = (float)(label == 0 ? Math.Cos(angle) : 1 - Math.Cos(angle)) + (float)(0.1 * (random.NextDouble() - 0.5));
            x[2 * i + 1] = (float)(label == 0 ? Math.Sin(angle) : 0.5 - Math.Sin(angle)) + (float)(0.1 * (random.NextDouble() - 0.5));
            labels[i] = label;
        }

        return Dataset.Classification(x, 2, labels, 2);
    }
}

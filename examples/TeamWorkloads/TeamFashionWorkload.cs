using HyperSearch.Core.Training;
using HyperSearch.Training.Data;
using HyperSearch.Training.Models;
using HyperSearch.Training.Workloads;
using TorchSharp;
using static TorchSharp.torch;

namespace TeamWorkloads;

/// <summary>
/// A team's workload on the host's Fashion-MNIST files (appsettings.json <c>HyperSearch:Datasets:FashionMnist</c>,
/// handed over as <see cref="WorkloadOptions.FashionMnistPath"/>): 2000 training images, 500 for validation, and
/// HyperSearch's own <see cref="Mlp"/> whose width and dropout are search parameters. It declares them, so a
/// search naming another (<c>"hiden"</c>) or reaching outside their ranges is refused at launch.
/// </summary>
public sealed class TeamFashionWorkload(WorkloadOptions options) : IWorkload
{
    // Loaded once, on the first trial (not when the plug-in loads): the same split for every trial.
    private readonly Lazy<WorkloadData> _data = new(() =>
    {
        var files = FashionMnist.Load(options.FashionMnistPath);
        var order = Shuffle.Permutation(files.Train.Count, seed: 7);
        return new WorkloadData(files.Train.Subset(order.AsSpan(0, 2000)), files.Train.Subset(order.AsSpan(2000, 500)), files.Test);
    });

    public string Name => "team-fashion";
    public string Description => "Fashion-MNIST, 2000 images, MLP (params: hidden, dropout)";
    public TaskKind Task => TaskKind.Classification;
    public int DefaultBatchSize => 64;

    // Declared once: the lists show them, launches are checked against them, CreateModel reads them.
    private static readonly WorkloadParameter Hidden = WorkloadParameter.Int("hidden", 8, 1024, 128, "units of the hidden layer", log: true);
    private static readonly WorkloadParameter Dropout = WorkloadParameter.Float("dropout", 0, 0.9, 0.1, "dropout after the hidden layer");

    public IReadOnlyList<WorkloadParameter> Parameters => [Hidden, Dropout];

    public WorkloadData LoadData() => _data.Value;

    public nn.Module<Tensor, Tensor> CreateModel(IReadOnlyDictionary<string, double> parameters, Device device)
    {
        var hidden = WorkloadParameters.Int(parameters, Hidden);
        var dropout = WorkloadParameters.Float(parameters, Dropout);
        // Mlp's dropout is TrialDropout: its masks follow the trial's seed, also next to other trials.
        return new Mlp([FashionMnist.Pixels, hidden, FashionMnist.Classes], dropout).to(device);
    }
}

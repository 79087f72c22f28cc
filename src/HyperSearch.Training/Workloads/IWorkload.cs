using HyperSearch.Core.Training;
using HyperSearch.Training.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace HyperSearch.Training.Workloads;

/// <summary>
/// A model plus its data: the unit a trial trains. Built-ins live in this folder; a team ships its own
/// in a plug-in assembly named in appsettings.json (docs/training.md). The queue, worker and dashboard
/// only see <see cref="Name"/>.
/// </summary>
public interface IWorkload
{
    /// <summary>Stable identifier used in trials and on the command line (e.g. <c>fashion-mlp</c>).</summary>
    string Name { get; }

    string Description { get; }

    /// <summary>The loss and metric: cross-entropy + accuracy, or MSE + R².</summary>
    TaskKind Task { get; }

    /// <summary>Used when the trial config has no <c>batchSize</c>.</summary>
    int DefaultBatchSize { get; }

    /// <summary>
    /// The <c>params</c> this workload reads (name, kind, range or choices, default, log, description):
    /// searches naming another or reaching outside them are refused at launch, and the lists show them.
    /// Null (the default, and every workload written before declarations existed): not declared, any
    /// numeric <c>params</c> pass. Read values with <see cref="WorkloadParameters.Int(IReadOnlyDictionary{string, double}, WorkloadParameter)"/>
    /// and <c>.Float</c> so the declaration is the one place a range lives.
    /// </summary>
    IReadOnlyList<WorkloadParameter>? Parameters => null;

    /// <summary>The batch sizes it accepts (an int parameter named <c>batchSize</c>); null: any of 1…65,536.</summary>
    WorkloadParameter? BatchSize => null;

    /// <summary>
    /// The train/validation/test split. Must return the same samples every call (cache it): trials
    /// are compared on the same validation set.
    /// </summary>
    WorkloadData LoadData();

    /// <summary>
    /// A fresh model on <paramref name="device"/>. It receives a batch as an [n, FeatureCount] float
    /// tensor (reshape inside <c>forward</c>) and returns [n, Outputs]: logits for classification,
    /// predictions for regression. <paramref name="parameters"/> are the trial's free <c>params</c>
    /// (hidden size, layers, dropout, …; empty when the space has none). The trainer seeds the RNG
    /// before calling, so the same seed gives the same initial weights.
    /// </summary>
    nn.Module<Tensor, Tensor> CreateModel(IReadOnlyDictionary<string, double> parameters, Device device);
}

namespace HyperSearch.Training.Workloads;

/// <summary>
/// A model plus its data: the unit a trial trains. Add one by implementing this interface and
/// registering it in <see cref="WorkloadRegistry"/>; the queue, worker and dashboard only see the name.
/// See docs/training.md for an example.
/// </summary>
public interface IWorkload
{
    /// <summary>Stable identifier used in trials and on the command line (e.g. <c>fashion-mlp</c>).</summary>
    string Name { get; }

    string Description { get; }

    ModelSpec Model { get; }

    /// <summary>Used when the trial config has no <c>batchSize</c>.</summary>
    int DefaultBatchSize { get; }

    /// <summary>
    /// The train/validation/test split. Must return the same samples every call (cache it): trials
    /// are compared on the same validation set.
    /// </summary>
    WorkloadData LoadData();
}

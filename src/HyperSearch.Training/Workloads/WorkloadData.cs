using HyperSearch.Training.Data;

namespace HyperSearch.Training.Workloads;

/// <summary>
/// A workload's data. Ranking uses <see cref="Validation"/> only; <see cref="Test"/> is evaluated once,
/// for reporting.
/// </summary>
public sealed record WorkloadData(Dataset Train, Dataset Validation, Dataset Test);

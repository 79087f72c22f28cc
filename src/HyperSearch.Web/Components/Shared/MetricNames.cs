using HyperSearch.Core.Searches;

namespace HyperSearch.Web.Components.Shared;

/// <summary>
/// What a workload's second validation metric is called: the trainer records accuracy for a
/// classification workload and R² for a regression one in the same column (ValAccuracy), so the
/// pages name it by the workload's task. A regression search's R² used to read "Val acc".
/// </summary>
public sealed class MetricNames(Func<string, bool> isRegression)
{
    /// <summary>"accuracy" or "R²".</summary>
    public string Metric(string workload) => isRegression(workload) ? "R²" : "accuracy";

    /// <summary>"acc" or "R²": the ranked table's column heading ("Val acc") must stay narrow at 1366 px.</summary>
    public string Short(string workload) => isRegression(workload) ? "R²" : "acc";

    /// <summary>"validation loss", "validation accuracy" or "validation R²".</summary>
    public string Objective(ObjectiveMetric objective, string workload) =>
        objective == ObjectiveMetric.ValAccuracy ? "validation " + Metric(workload) : Labels.Objective(objective);
}

namespace HyperSearch.Training.Workloads;

/// <summary>What a model predicts; decides the loss and the metric.</summary>
public enum TaskKind
{
    /// <summary>Cross-entropy on integer labels; the metric is accuracy.</summary>
    Classification = 0,

    /// <summary>Mean squared error on float targets; the metric is R².</summary>
    Regression = 1,
}

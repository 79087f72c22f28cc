namespace HyperSearch.Core.Training;

/// <summary>What values a declared workload parameter takes (every <c>params</c> value is a number).</summary>
public enum WorkloadParameterKind
{
    /// <summary>Whole numbers in [Low, High].</summary>
    Int,

    /// <summary>Real numbers in [Low, High].</summary>
    Float,

    /// <summary>One of <see cref="WorkloadParameter.Choices"/> (e.g. 0 = LSTM, 1 = GRU).</summary>
    Categorical,
}

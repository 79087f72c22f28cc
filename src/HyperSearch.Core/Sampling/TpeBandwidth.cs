namespace HyperSearch.Core.Sampling;

/// <summary>How wide each kernel of the Parzen estimator is.</summary>
public enum TpeBandwidth
{
    /// <summary>Optuna's univariate rule: distance to the farther sorted neighbour per dimension.</summary>
    Neighbour,
    /// <summary>Scott's rule, one width for all kernels of a dimension (Optuna's multivariate TPE).</summary>
    Scott,
}

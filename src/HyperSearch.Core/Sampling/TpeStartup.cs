namespace HyperSearch.Core.Sampling;

/// <summary>How TPE draws its start-up trials, before it has a model.</summary>
public enum TpeStartup
{
    /// <summary>Independent uniform draws, exactly as the random sampler (Optuna 3.1).</summary>
    Random,
    /// <summary>A Latin hypercube over the start-up trials (<see cref="LatinHypercubeStartup"/>).</summary>
    LatinHypercube,
}

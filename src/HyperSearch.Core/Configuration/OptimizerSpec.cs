namespace HyperSearch.Core.Configuration;

/// <summary>Optimizer of a trial. Fields that do not apply to <see cref="Type"/> are ignored.</summary>
public sealed record OptimizerSpec
{
    public OptimizerType Type { get; init; } = OptimizerType.Sgd;
    public double Momentum { get; init; }
    public bool Nesterov { get; init; }
    public double WeightDecay { get; init; }
    public double Beta1 { get; init; } = 0.9;
    public double Beta2 { get; init; } = 0.999;
    public double Eps { get; init; } = 1e-8;
    /// <summary>RMSprop smoothing constant.</summary>
    public double Alpha { get; init; } = 0.99;
}

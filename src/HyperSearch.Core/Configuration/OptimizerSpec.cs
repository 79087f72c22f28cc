using System.Text.Json.Serialization;

namespace HyperSearch.Core.Configuration;

/// <summary>
/// Optimizer of a trial: PyTorch 1.13's optimizer of that type with these constructor arguments in
/// camelCase (docs/training.md has the table). Fields that do not apply to <see cref="Type"/> are
/// ignored, so one space can search over several types. An absent <see cref="WeightDecay"/> or
/// <see cref="Eps"/> is PyTorch's default for the type (AdamW decays by 0.01; Adagrad's eps is 1e-10).
/// </summary>
public sealed record OptimizerSpec
{
    public OptimizerType Type { get; init; } = OptimizerType.Sgd;
    /// <summary>SGD and RMSprop.</summary>
    public double Momentum { get; init; }
    /// <summary>SGD: the share of the new gradient withheld from the momentum buffer.</summary>
    public double Dampening { get; init; }
    public bool Nesterov { get; init; }
    public double? WeightDecay { get; init; }
    public double Beta1 { get; init; } = 0.9;
    public double Beta2 { get; init; } = 0.999;
    public double? Eps { get; init; }
    /// <summary>Adam and AdamW: keep the running maximum of the second moment (Reddi et al. 2018).</summary>
    public bool Amsgrad { get; init; }
    /// <summary>RMSprop smoothing constant.</summary>
    public double Alpha { get; init; } = 0.99;
    /// <summary>RMSprop: normalise by the estimated variance of the gradient instead of its second moment.</summary>
    public bool Centered { get; init; }
    /// <summary>Adagrad: the LR at step t is lr / (1 + (t − 1)·lrDecay).</summary>
    public double LrDecay { get; init; }
    /// <summary>Adagrad: the starting value of every squared-gradient sum.</summary>
    public double InitialAccumulatorValue { get; init; }

    /// <summary><see cref="WeightDecay"/>, or PyTorch's default for <see cref="Type"/>.</summary>
    [JsonIgnore]
    public double EffectiveWeightDecay => WeightDecay ?? (Type == OptimizerType.AdamW ? 0.01 : 0);

    /// <summary><see cref="Eps"/>, or PyTorch's default for <see cref="Type"/>.</summary>
    [JsonIgnore]
    public double EffectiveEps => Eps ?? (Type == OptimizerType.Adagrad ? 1e-10 : 1e-8);
}

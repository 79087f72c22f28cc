using System.Text.Json.Serialization;

namespace HyperSearch.Core.Configuration;

/// <summary>
/// A decay schedule. Parameter names are PyTorch's constructor arguments in camelCase; the JSON
/// discriminator is <c>"type"</c>. The derived types come from the decay descriptors
/// (<see cref="Json.DecayJson"/>), so the polymorphism attribute lists none.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type", UnknownDerivedTypeHandling = JsonUnknownDerivedTypeHandling.FailSerialization)]
public abstract record DecaySpec
{
    [JsonIgnore]
    public abstract string Type { get; }
}

public sealed record ConstantDecay : DecaySpec
{
    [JsonIgnore] public override string Type => DecayTypes.Constant;
}

public sealed record StepDecay : DecaySpec
{
    [JsonIgnore] public override string Type => DecayTypes.Step;
    public required int StepSize { get; init; }
    public double Gamma { get; init; } = 0.1;
}

public sealed record MultiStepDecay : DecaySpec
{
    [JsonIgnore] public override string Type => DecayTypes.MultiStep;
    public required IReadOnlyList<int> Milestones { get; init; }
    public double Gamma { get; init; } = 0.1;
}

public sealed record ExponentialDecay : DecaySpec
{
    [JsonIgnore] public override string Type => DecayTypes.Exponential;
    public required double Gamma { get; init; }
}

public sealed record CosineDecay : DecaySpec
{
    [JsonIgnore] public override string Type => DecayTypes.Cosine;
    public required int TMax { get; init; }
    public double EtaMin { get; init; }
}

public sealed record CosineWarmRestartsDecay : DecaySpec
{
    [JsonIgnore] public override string Type => DecayTypes.CosineWarmRestarts;
    public required int T0 { get; init; }
    public int TMult { get; init; } = 1;
    public double EtaMin { get; init; }
}

public sealed record PolynomialDecay : DecaySpec
{
    [JsonIgnore] public override string Type => DecayTypes.Polynomial;
    public int TotalIters { get; init; } = 5;
    public double Power { get; init; } = 1.0;
}

public sealed record LinearDecay : DecaySpec
{
    [JsonIgnore] public override string Type => DecayTypes.Linear;
    public double StartFactor { get; init; } = 1.0 / 3;
    public double EndFactor { get; init; } = 1.0;
    public int TotalIters { get; init; } = 5;
}

/// <summary>
/// An explicit piecewise-constant schedule: lr(t) = initialLr · factors[i], i = how many milestones are ≤ t
/// (PyTorch <c>LambdaLR(lambda t: factors[bisect_right(milestones, t)])</c>); factors has one more entry
/// than milestones. What a PBT member's discovered schedule is exported as.
/// </summary>
public sealed record PiecewiseDecay : DecaySpec
{
    [JsonIgnore] public override string Type => DecayTypes.Piecewise;
    public required IReadOnlyList<int> Milestones { get; init; }
    public required IReadOnlyList<double> Factors { get; init; }
}

/// <summary>lr = initialLr / (1 + decayRate·t) (Keras' InverseTimeDecay with decay_steps = 1).</summary>
public sealed record InverseTimeDecay : DecaySpec
{
    [JsonIgnore] public override string Type => DecayTypes.InverseTime;
    public required double DecayRate { get; init; }
}

/// <summary>PyTorch OneCycleLR. It overrides the optimizer's LR; <see cref="MaxLr"/> null means initialLr.</summary>
public sealed record OneCycleDecay : DecaySpec
{
    [JsonIgnore] public override string Type => DecayTypes.OneCycle;
    public double? MaxLr { get; init; }
    public required int TotalSteps { get; init; }
    public double PctStart { get; init; } = 0.3;
    public string AnnealStrategy { get; init; } = "cos";
    public double DivFactor { get; init; } = 25;
    public double FinalDivFactor { get; init; } = 1e4;
    public bool ThreePhase { get; init; }
}

/// <summary>PyTorch CyclicLR. It overrides the optimizer's LR; <see cref="BaseLr"/> null means initialLr.</summary>
public sealed record CyclicDecay : DecaySpec
{
    [JsonIgnore] public override string Type => DecayTypes.Cyclic;
    public double? BaseLr { get; init; }
    public required double MaxLr { get; init; }
    public int StepSizeUp { get; init; } = 2000;
    public int? StepSizeDown { get; init; }
    public string Mode { get; init; } = "triangular";
    public double Gamma { get; init; } = 1.0;
}

/// <summary>PyTorch ReduceLROnPlateau in mode "min" on the validation metric.</summary>
public sealed record ReduceOnPlateauDecay : DecaySpec
{
    [JsonIgnore] public override string Type => DecayTypes.ReduceOnPlateau;
    public double Factor { get; init; } = 0.1;
    public int Patience { get; init; } = 10;
    public double Threshold { get; init; } = 1e-4;
    public string ThresholdMode { get; init; } = "rel";
    public int Cooldown { get; init; }
    public double MinLr { get; init; }
}

namespace HyperSearch.Core.Configuration;

/// <summary>The decay type names of the trial-config contract.</summary>
public static class DecayTypes
{
    public const string Constant = "constant";
    public const string Step = "step";
    public const string MultiStep = "multiStep";
    public const string Exponential = "exponential";
    public const string Cosine = "cosine";
    public const string CosineWarmRestarts = "cosineWarmRestarts";
    public const string Polynomial = "polynomial";
    public const string Linear = "linear";
    public const string InverseTime = "inverseTime";
    public const string OneCycle = "oneCycle";
    public const string Cyclic = "cyclic";
    public const string ReduceOnPlateau = "reduceOnPlateau";

    public static IReadOnlyList<string> All { get; } =
    [
        Constant, Step, MultiStep, Exponential, Cosine, CosineWarmRestarts, Polynomial, Linear,
        InverseTime, OneCycle, Cyclic, ReduceOnPlateau,
    ];
}

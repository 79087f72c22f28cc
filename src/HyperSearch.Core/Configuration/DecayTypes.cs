namespace HyperSearch.Core.Configuration;

/// <summary>The decay type names of the trial-config contract (each has a descriptor in Schedules/Decays).</summary>
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
    public const string Piecewise = "piecewise";

    /// <summary>Every type, in <see cref="Schedules.Decays.DecayCatalog"/>'s order.</summary>
    public static IReadOnlyList<string> All { get; } = Schedules.Decays.DecayCatalog.All.Select(d => d.Type).ToArray();
}

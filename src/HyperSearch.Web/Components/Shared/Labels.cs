using HyperSearch.Core.Configuration;
using HyperSearch.Core.Diagnosis;
using HyperSearch.Core.Sampling;
using HyperSearch.Core.Searches;

namespace HyperSearch.Web.Components.Shared;

/// <summary>What people read instead of enum and JSON names ("TPE", "validation loss", "Cosine annealing").</summary>
public static class Labels
{
    public static string Strategy(SearchStrategy strategy) => strategy switch
    {
        SearchStrategy.Tpe => "TPE",
        SearchStrategy.Grid => "Grid",
        SearchStrategy.Pbt => "PBT",
        _ => "Random",
    };

    public static string Objective(ObjectiveMetric metric) => metric switch
    {
        ObjectiveMetric.ValAccuracy => "validation accuracy",
        _ => "validation loss",
    };

    public static string Decay(string type) => type switch
    {
        DecayTypes.Constant => "Constant",
        DecayTypes.Step => "Step",
        DecayTypes.MultiStep => "Multi-step",
        DecayTypes.Exponential => "Exponential",
        DecayTypes.Cosine => "Cosine annealing",
        DecayTypes.CosineWarmRestarts => "Cosine, warm restarts",
        DecayTypes.Polynomial => "Polynomial",
        DecayTypes.Linear => "Linear",
        DecayTypes.InverseTime => "Inverse time",
        DecayTypes.OneCycle => "One cycle",
        DecayTypes.Cyclic => "Cyclic",
        DecayTypes.ReduceOnPlateau => "Reduce on plateau",
        DecayTypes.Piecewise => "Piecewise (explicit)",
        _ => type,
    };

    public static string Unit(HyperSearch.Core.Training.ScheduleUnit unit) =>
        unit == HyperSearch.Core.Training.ScheduleUnit.Batch ? "per batch" : "per epoch";

    /// <summary>A diagnosis label as a phrase; null/unknown labels read as "too short to diagnose".</summary>
    public static string Diagnosis(string? label) => Parse(label) switch
    {
        CurveLabel.Healthy => "healthy",
        CurveLabel.Diverged => "diverged",
        CurveLabel.TooHigh => "LR too high",
        CurveLabel.LateTooHigh => "LR too high late on",
        CurveLabel.TooLow => "LR too low",
        _ => "too short to diagnose",
    };

    public static CurveLabel Parse(string? label) =>
        Enum.TryParse<CurveLabel>(label, ignoreCase: true, out var parsed) ? parsed : CurveLabel.Unknown;
}

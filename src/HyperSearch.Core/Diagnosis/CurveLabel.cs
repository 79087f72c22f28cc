namespace HyperSearch.Core.Diagnosis;

public enum CurveLabel
{
    Healthy,
    Diverged,
    TooHigh,
    LateTooHigh,
    TooLow,
    /// <summary>Too few epochs to say.</summary>
    Unknown,
}

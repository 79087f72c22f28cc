namespace HyperSearch.Core.Diagnosis;

/// <summary>A label for a loss curve and the one-line hint shown next to it.</summary>
public sealed record CurveDiagnosis(CurveLabel Label, string Hint);

namespace HyperSearch.Web.Launch;

/// <summary>An LR range test's loss curve (LR ascending) and the LR range it suggests searching.</summary>
public sealed record LrRangeSuggestion(IReadOnlyList<(double Lr, double Loss)> Curve, double Low, double High);

namespace HyperSearch.Core.Searches;

/// <summary>
/// One device kind of a team's share: slots it runs now, slots its weight allows (its part of the
/// busy slots of that kind, at most <see cref="Cap"/>) and its cap (null = none).
/// </summary>
public sealed record DeviceShareView(string Kind, int Running, double Allowed, int? Cap);

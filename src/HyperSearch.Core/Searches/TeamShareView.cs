namespace HyperSearch.Core.Searches;

/// <summary>A team with running or waiting work: its weight and, per device kind, its current and allowed share.</summary>
public sealed record TeamShareView(long TeamId, string Team, int Weight, IReadOnlyList<DeviceShareView> Devices);

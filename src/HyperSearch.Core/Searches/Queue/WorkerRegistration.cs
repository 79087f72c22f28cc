namespace HyperSearch.Core.Searches.Queue;

/// <summary>What a worker announces when it starts.</summary>
public sealed record WorkerRegistration(string Host, int ProcessId, IReadOnlyList<DeviceSlots> Devices);

using HyperSearch.Core.Searches.Queue;

namespace HyperSearch.Data.Store;

/// <summary>One worker's sign of life (<see cref="WorkerBeacons"/>): when it wrote it, why it cannot write to the database and since when, and its slots backing off.</summary>
internal sealed record WorkerBeacon(string WorkerId, DateTimeOffset At, string Problem, DateTimeOffset Since, IReadOnlyList<SlotHealth> BackingOff);

using System.Collections.Concurrent;
using HyperSearch.Core.Searches.Queue;

namespace HyperSearch.Worker;

/// <summary>
/// Which of this worker's slots are backing off from the database, and since when; the heartbeat
/// carries the list to the Queue page. A slot keeps its first "since" until a call succeeds again.
/// </summary>
public sealed class SlotHealthBoard
{
    private readonly ConcurrentDictionary<(string Device, int Slot), SlotHealth> _failing = new();

    public void Failing(SlotRef slot, string problem, DateTimeOffset now) =>
        _failing.AddOrUpdate((slot.Device, slot.Slot), _ => new SlotHealth(slot.Device, slot.Slot, problem, now),
            (_, old) => old with { Problem = problem });

    public void Healthy(SlotRef slot) => _failing.TryRemove((slot.Device, slot.Slot), out _);

    public IReadOnlyList<SlotHealth> Snapshot() => _failing.Values.OrderBy(h => h.Device).ThenBy(h => h.Slot).ToList();
}

using HyperSearch.Core.Searches.Queue;

namespace HyperSearch.Data.Store;

/// <summary>
/// One element of <c>Workers.DevicesJson</c>: the device and its slot count as registered, plus the
/// slots that are backing off from the database as the worker last reported. Kept in the same
/// column because health is a property of the worker's slots (no schema change; a row written
/// before health existed reads with none).
/// </summary>
internal sealed record StoredDevice(string Device, int Slots, IReadOnlyList<StoredSlotProblem>? BackingOff = null)
{
    public static List<StoredDevice> From(IReadOnlyList<DeviceSlots> devices, IReadOnlyList<SlotHealth> backingOff) =>
        devices.Select(d => new StoredDevice(d.Device, d.Slots,
            backingOff.Where(h => h.Device == d.Device).Select(h => new StoredSlotProblem(h.Slot, h.Problem, h.Since)).ToList() is { Count: > 0 } list ? list : null)).ToList();
}

/// <summary>A slot backing off: why, and since when.</summary>
internal sealed record StoredSlotProblem(int Slot, string Problem, DateTimeOffset Since);

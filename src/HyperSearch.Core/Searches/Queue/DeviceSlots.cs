namespace HyperSearch.Core.Searches.Queue;

/// <summary>A device a worker offers (<c>cpu</c>, <c>cuda:0</c>) and how many trials it runs at once.</summary>
public sealed record DeviceSlots(string Device, int Slots);

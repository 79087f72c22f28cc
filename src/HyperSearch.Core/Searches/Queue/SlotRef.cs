namespace HyperSearch.Core.Searches.Queue;

/// <summary>One slot of one worker: where a claimed trial will run.</summary>
public sealed record SlotRef(string WorkerId, string Device, int Slot);

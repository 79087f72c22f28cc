namespace HyperSearch.Core.Searches.Queue;

/// <summary>A slot that is backing off: why (e.g. "database is locked") and since when. Healthy slots have none.</summary>
public sealed record SlotHealth(string Device, int Slot, string Problem, DateTimeOffset Since);

namespace HyperSearch.Core.Searches;

/// <summary>
/// Where a live-feed reader left off: the highest epoch row id seen and the latest UpdatedAt
/// (UTC ticks) of trials/searches seen. The UpdatedAt bound is inclusive, so a reader may see a
/// row twice (treat rows as upserts) but never misses one. Start with <see cref="Start"/>.
/// </summary>
public sealed record ChangeCursor(long EpochId, long UpdatedTicks)
{
    public static ChangeCursor Start { get; } = new(0, 0);
}

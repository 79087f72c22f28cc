namespace HyperSearch.Core.Searches.Queue;

/// <summary>
/// When an expired lease means a lost worker. Every heartbeat reaps the leases that expired (the trial
/// goes back to the queue, attempt + 1); but when the database itself was unreachable for longer than a
/// lease (a PostgreSQL restart, a locked SQLite file), every lease expires at once while every worker is
/// alive and still training, and reaping then throws their work away. A reaper that was cut off itself
/// cannot tell a dead holder from one cut off like it, so it first extends the expired leases by one
/// lease: a live holder renews its own at its next heartbeat, a dead one's lease expires again and is
/// reaped by a heartbeat that then comes from a worker in contact.
/// </summary>
public static class LeaseRules
{
    /// <summary>
    /// Whether the heartbeating worker was out of contact long enough (half a lease since its previous
    /// heartbeat was written) that the leases it finds expired may have expired for the same reason.
    /// </summary>
    public static bool ReaperWasCutOff(DateTimeOffset previousHeartbeat, DateTimeOffset now, TimeSpan lease) =>
        now - previousHeartbeat > lease / 2;
}

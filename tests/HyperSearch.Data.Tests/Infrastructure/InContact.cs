namespace HyperSearch.Data.Tests.Infrastructure;

/// <summary>
/// Time passing for a worker that stays in touch with the database: it heartbeats every quarter lease (as a
/// live worker does, with room to spare), so the expired leases its last heartbeat finds are reaped — not
/// extended as after an outage the worker lived through itself (Core's LeaseRules).
/// </summary>
public static class InContact
{
    public static async Task PassAsync(TestDatabase db, string worker, TimeSpan by)
    {
        var step = db.Queue.Lease / 4;
        for (var passed = TimeSpan.Zero; passed < by; passed += step)
        {
            db.Time.Advance(by - passed < step ? by - passed : step);
            await db.WorkQueue.HeartbeatAsync(worker, []);
        }
    }
}

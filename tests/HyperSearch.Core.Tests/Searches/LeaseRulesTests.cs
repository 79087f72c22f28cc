using HyperSearch.Core.Searches.Queue;

namespace HyperSearch.Core.Tests.Searches;

public sealed class LeaseRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(30);

    [Theory]
    [InlineData(5, false)]   // heartbeating every 5 s: in contact, so an expired lease is a lost worker
    [InlineData(15, false)]  // three heartbeats missed: still in contact
    [InlineData(16, true)]   // out of contact for over half a lease
    [InlineData(75, true)]   // a 75 s lock: every lease expired with it
    public void ReaperWasCutOff_SecondsSinceItsPreviousHeartbeat_OverHalfALease(int seconds, bool cutOff)
    {
        Assert.Equal(cutOff, LeaseRules.ReaperWasCutOff(Now.AddSeconds(-seconds), Now, Lease));
    }
}

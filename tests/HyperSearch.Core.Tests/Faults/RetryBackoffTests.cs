using HyperSearch.Core.Faults;

namespace HyperSearch.Core.Tests.Faults;

public sealed class RetryBackoffTests
{
    private static readonly TimeSpan First = TimeSpan.FromMilliseconds(100), Max = TimeSpan.FromSeconds(5);

    [Theory]
    [InlineData(0, 0.0, 50)]
    [InlineData(0, 0.999999, 100)]
    [InlineData(3, 0.0, 400)]
    [InlineData(3, 0.999999, 800)]
    [InlineData(6, 0.0, 2500)]
    [InlineData(40, 0.999999, 5000)]
    public void Delay_Attempt_DoublesWithinHalfToFullJitterCappedAtMax(int attempt, double random, double expectedMs) =>
        Assert.Equal(expectedMs, RetryBackoff.Delay(attempt, First, Max, random).TotalMilliseconds, 0.01);
}

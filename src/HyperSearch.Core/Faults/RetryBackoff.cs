namespace HyperSearch.Core.Faults;

/// <summary>
/// Capped exponential back-off with jitter: attempt n waits between half and all of
/// min(max, first·2ⁿ). The jitter keeps many workers that lost the database together from all
/// knocking at the same instant when it comes back.
/// </summary>
public static class RetryBackoff
{
    /// <param name="random">A value in [0, 1) (the jitter source; tests pass fixed values).</param>
    public static TimeSpan Delay(int attempt, TimeSpan first, TimeSpan max, double random)
    {
        var exponent = Math.Min(Math.Max(attempt, 0), 30);
        var ceiling = Math.Min(max.TotalMilliseconds, first.TotalMilliseconds * Math.Pow(2, exponent));
        return TimeSpan.FromMilliseconds(ceiling * (0.5 + 0.5 * Math.Clamp(random, 0, 1)));
    }
}

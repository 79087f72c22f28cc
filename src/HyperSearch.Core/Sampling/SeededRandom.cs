namespace HyperSearch.Core.Sampling;

/// <summary>
/// SplitMix64: a tiny, fully specified generator, so the sequence for (seed, trial) never changes
/// with the runtime's System.Random implementation.
/// </summary>
internal sealed class SeededRandom
{
    private ulong state;

    public SeededRandom(int seed, int trialNumber, ulong salt = 0)
    {
        state = Mix((ulong)(uint)seed * 0x9E3779B97F4A7C15UL ^ Mix((ulong)(uint)trialNumber + 0x632BE59BD9B4E019UL) ^ salt);
    }

    public ulong NextUInt64()
    {
        state += 0x9E3779B97F4A7C15UL;
        return Mix(state);
    }

    /// <summary>Uniform in [0, 1).</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform integer in [0, n).</summary>
    public int NextInt(int n) => (int)(NextDouble() * n);

    public double NextGaussian()
    {
        // Box–Muller; 1 - u keeps the logarithm finite.
        var u = 1.0 - NextDouble();
        var v = NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u)) * Math.Cos(2.0 * Math.PI * v);
    }

    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}

using System.Diagnostics;

namespace HyperSearch.Training.Trainer;

/// <summary>
/// Time spent in each <see cref="StepPhase"/> over many steps, for the step profile benchmark
/// (scripts/bench/trainer/StepProfile). A session without one (every real trial) pays a null check.
/// </summary>
internal sealed class StepTimer
{
    private readonly long[] _ticks = new long[Enum.GetValues<StepPhase>().Length];
    private long _last;

    public long Steps { get; private set; }

    public void Begin()
    {
        Steps++;
        _last = Stopwatch.GetTimestamp();
    }

    /// <summary>Charges the time since the previous mark to <paramref name="phase"/>.</summary>
    public void Lap(StepPhase phase)
    {
        var now = Stopwatch.GetTimestamp();
        _ticks[(int)phase] += now - _last;
        _last = now;
    }

    public double MicrosecondsPerStep(StepPhase phase) => Steps == 0 ? 0 : _ticks[(int)phase] * 1e6 / Stopwatch.Frequency / Steps;
}

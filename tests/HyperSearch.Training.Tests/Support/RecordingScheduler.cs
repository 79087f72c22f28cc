using HyperSearch.Core.Schedules;

namespace HyperSearch.Training.Tests.Support;

/// <summary>
/// A test-only schedule (the real ones live in Core): lr = initial · factor^steps, recording every
/// step and metric so tests can see exactly how the trainer drives it.
/// </summary>
internal sealed class RecordingScheduler(double initialLr, double factor = 1.0) : ILrScheduler
{
    public List<double?> Metrics { get; } = [];

    public int Steps => Metrics.Count;

    public double CurrentLr => initialLr * Math.Pow(factor, Steps);

    public void Step(double? metric = null) => Metrics.Add(metric);
}

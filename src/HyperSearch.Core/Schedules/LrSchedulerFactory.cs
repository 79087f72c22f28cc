using HyperSearch.Core.Configuration;

namespace HyperSearch.Core.Schedules;

/// <summary>Builds the PyTorch-equivalent scheduler (warmup included) for a trial config.</summary>
public static class LrSchedulerFactory
{
    public static ILrScheduler Create(TrialConfig config) =>
        throw new NotImplementedException("LR schedules land with issue 3");
}

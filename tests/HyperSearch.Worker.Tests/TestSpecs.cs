using HyperSearch.Core.Pruning;
using HyperSearch.Core.Sampling;
using HyperSearch.Core.Searches;
using HyperSearch.Worker.Testing;

namespace HyperSearch.Worker.Tests;

internal static class TestSpecs
{
    public static SearchSpec Search(int budget, int parallelism, int epochs = 3, string pruner = "none") => new()
    {
        Name = "worker test",
        Workload = SleepTrainer.WorkloadName,
        Strategy = SearchStrategy.Random,
        SpaceJson = "{}",
        Budget = budget,
        Parallelism = parallelism,
        Epochs = epochs,
        Seed = 3,
        Pruner = new PrunerSpec { Type = pruner },
    };
}

using HyperSearch.Core.Configuration;
using HyperSearch.Core.Sampling;
using HyperSearch.Core.Searches;
using HyperSearch.Core.Searches.Queue;

namespace HyperSearch.Data.Tests.Infrastructure;

/// <summary>Small builders for test searches and configs.</summary>
public static class Specs
{
    public static SearchSpec Search(int budget = 5, int parallelism = 2, int priority = 0, string owner = "alice",
        ObjectiveDirection direction = ObjectiveDirection.Minimize, string name = "s") => new()
    {
        Name = name,
        Owner = owner,
        Workload = "sleep",
        Strategy = SearchStrategy.Random,
        SpaceJson = """{"initialLr":{"type":"float","low":0.001,"high":0.1,"log":true}}""",
        Direction = direction,
        Budget = budget,
        Parallelism = parallelism,
        Epochs = 3,
        Priority = priority,
        Seed = 7,
    };

    public static TrialConfig Config(double lr = 0.01) => new() { InitialLr = lr, Decay = new CosineDecay { TMax = 3 } };

    public static SlotRef Slot(string worker, int slot = 0) => new(worker, "cpu", slot);

    /// <summary>Asks for the search's next trial the way a worker does (reads the number, inserts).</summary>
    public static async Task<AskResult> AskAsync(IWorkQueue queue, long searchId, SlotRef slot, double lr = 0.01)
    {
        var candidates = await queue.GetAskCandidatesAsync(100);
        var candidate = candidates.SingleOrDefault(c => c.SearchId == searchId);
        if (candidate is null) return new AskResult(AskStatus.NotAllowed, null);
        return await queue.InsertAskedTrialAsync(searchId, candidate.NextNumber, Config(lr), slot);
    }
}

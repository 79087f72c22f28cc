using HyperSearch.Core.Sampling;

namespace HyperSearch.Core.Searches.Queue;

/// <summary>
/// A running search that may get a new trial: the sampler inputs and the number the new trial
/// will have. <see cref="History"/> is an immutable snapshot of all its trials (running included).
/// </summary>
public sealed record AskCandidate(
    long SearchId,
    int NextNumber,
    SearchStrategy Strategy,
    int GridPoints,
    int Seed,
    ObjectiveDirection Direction,
    string SpaceJson,
    IReadOnlyList<TrialSnapshot> History,
    int Epochs);

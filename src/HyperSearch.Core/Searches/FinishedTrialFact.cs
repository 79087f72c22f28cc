using HyperSearch.Core.Faults;
using HyperSearch.Core.Trials;

namespace HyperSearch.Core.Searches;

/// <summary>How one finished trial ended, as the search guard (<see cref="MisconfigurationCheck"/>) sees it.</summary>
public sealed record FinishedTrialFact(TrialState State, FailureKind? Kind, string? Error);

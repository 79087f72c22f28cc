using HyperSearch.Core.Configuration;
using HyperSearch.Core.Trials;

namespace HyperSearch.Core.Pbt;

/// <summary>One segment of a member as the Search page shows it: what it trained, where it came from, how it ended.</summary>
public sealed record PbtSegmentView(long TrialId, int Number, PbtLineage Lineage, TrialState State, double? Value, double InitialLr, string DecayType);

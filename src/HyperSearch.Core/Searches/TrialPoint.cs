using HyperSearch.Core.Trials;

namespace HyperSearch.Core.Searches;

/// <summary>
/// One trial as the whole-search charts need it (scatter, best-so-far): a few numbers, no config
/// document and no epochs, so reading 100,000 of them stays light.
/// </summary>
public sealed record TrialPoint(long Id, int Number, TrialState State, double InitialLr, string DecayType, double? BestValue, double? FinalValue);

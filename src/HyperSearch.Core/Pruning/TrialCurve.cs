using HyperSearch.Core.Trials;

namespace HyperSearch.Core.Pruning;

/// <summary>Intermediate objective values of one trial; <c>Values[i]</c> is the value after step i+1.</summary>
public sealed record TrialCurve(int Number, TrialState State, IReadOnlyList<double> Values);

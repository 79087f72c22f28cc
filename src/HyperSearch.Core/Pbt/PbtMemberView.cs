namespace HyperSearch.Core.Pbt;

/// <summary>
/// A population member: its segments in generation order, and the LR it actually trained with at each
/// epoch along the lineage of its latest segment (copied prefixes included), one value per epoch.
/// </summary>
public sealed record PbtMemberView(int Member, IReadOnlyList<PbtSegmentView> Segments, IReadOnlyList<double> ActualLrs);

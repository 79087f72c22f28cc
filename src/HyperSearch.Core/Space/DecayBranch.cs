namespace HyperSearch.Core.Space;

/// <summary>One decay type the search may pick, with the distributions of its own parameters.</summary>
public sealed record DecayBranch(string Type, IReadOnlyList<SpaceParam> Params);

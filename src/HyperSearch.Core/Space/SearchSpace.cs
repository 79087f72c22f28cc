namespace HyperSearch.Core.Space;

/// <summary>The tree-shaped search space of ARCHITECTURE.md. Shape defined with issue 3.</summary>
public sealed record SearchSpace;

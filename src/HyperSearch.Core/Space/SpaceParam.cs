namespace HyperSearch.Core.Space;

/// <summary>A named parameter of one section of the space; <see cref="Name"/> is the trial-config property name.</summary>
public sealed record SpaceParam(string Name, Distribution Distribution);

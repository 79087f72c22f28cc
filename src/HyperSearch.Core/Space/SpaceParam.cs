namespace HyperSearch.Core.Space;

/// <summary>
/// A named parameter of one section of the space; <see cref="Name"/> is the trial-config property name.
/// <see cref="When"/> (only in <c>params</c>): the conditions on earlier entries under which it exists; null or
/// empty: always.
/// </summary>
public sealed record SpaceParam(string Name, Distribution Distribution, IReadOnlyList<SpaceCondition>? When = null);

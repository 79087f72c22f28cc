using HyperSearch.Core.Space;

namespace HyperSearch.Core.Tests.Space;

/// <summary>Compares branches by their serialized form (records holding lists compare by reference).</summary>
internal sealed class BranchComparer : IEqualityComparer<DecayBranch>
{
    public static BranchComparer Instance { get; } = new();

    public bool Equals(DecayBranch? x, DecayBranch? y) => Text(x) == Text(y);

    public int GetHashCode(DecayBranch obj) => Text(obj).GetHashCode();

    private static string Text(DecayBranch? b) => b is null ? "" : SearchSpaceJson.Serialize(new SearchSpace
    {
        InitialLr = new FloatDistribution(0.1, 1),
        Decay = [b],
    });
}

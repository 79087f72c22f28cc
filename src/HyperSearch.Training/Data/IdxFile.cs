namespace HyperSearch.Training.Data;

/// <summary>The content of one IDX file of unsigned bytes (MNIST's format): its dimensions and data.</summary>
public sealed record IdxFile(IReadOnlyList<int> Dimensions, byte[] Data)
{
    public int Count => Dimensions[0];
}

using HyperSearch.Training.Data;

namespace HyperSearch.Training.Tests.Data;

public sealed class IdxReaderTests
{
    [Fact]
    public void Read_SmallFile_DimensionsAndBytes()
    {
        byte[] bytes = [0, 0, 8, 2, 0, 0, 0, 2, 0, 0, 0, 3, 1, 2, 3, 4, 5, 6];

        var file = IdxReader.Read(new MemoryStream(bytes), "small");

        Assert.Equal([2, 3], file.Dimensions);
        Assert.Equal([1, 2, 3, 4, 5, 6], file.Data);
    }

    [Fact]
    public void Read_Truncated_InvalidData()
    {
        byte[] bytes = [0, 0, 8, 1, 0, 0, 0, 5, 1, 2];

        var error = Assert.Throws<InvalidDataException>(() => IdxReader.Read(new MemoryStream(bytes), "cut"));

        Assert.Contains("truncated", error.Message);
    }

    [Fact]
    public void Read_WrongMagic_InvalidData()
    {
        Assert.Throws<InvalidDataException>(() => IdxReader.Read(new MemoryStream([0, 0, 0x0D, 1, 0, 0, 0, 1, 0]), "float"));
    }
}

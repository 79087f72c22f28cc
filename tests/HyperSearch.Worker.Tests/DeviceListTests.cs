using HyperSearch.Core.Searches.Queue;

namespace HyperSearch.Worker.Tests;

public sealed class DeviceListTests
{
    [Fact]
    public void Parse_CpuAndCuda_DevicesWithSlots()
    {
        var (devices, error) = DeviceList.Parse("cpu:2, cuda:0:1,cuda:1");

        Assert.Null(error);
        Assert.Equal([new DeviceSlots("cpu", 2), new DeviceSlots("cuda:0", 1), new DeviceSlots("cuda:1", 1)], devices);
    }

    [Theory]
    [InlineData("gpu:1", "'gpu:1' is not a device")]
    [InlineData("cpu:0", "slots must be a whole number")]
    [InlineData("cpu:x", "slots must be a whole number")]
    [InlineData("cuda:a", "is not a device")]
    [InlineData("cpu,cpu:2", "listed twice")]
    [InlineData("", "no device")]
    public void Parse_BadText_ErrorSaysWhy(string text, string expected)
    {
        var (devices, error) = DeviceList.Parse(text);

        Assert.Empty(devices);
        Assert.Contains(expected, error);
    }
}

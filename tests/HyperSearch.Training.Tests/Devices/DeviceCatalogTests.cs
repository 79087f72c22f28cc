using HyperSearch.Training.Devices;

namespace HyperSearch.Training.Tests.Devices;

public sealed class DeviceCatalogTests
{
    [Fact]
    public void List_Always_StartsWithCpuThenCudaInOrder()
    {
        var devices = DeviceCatalog.List();

        Assert.Equal("cpu", devices[0]);
        Assert.Equal(Enumerable.Range(0, devices.Count - 1).Select(i => $"cuda:{i}"), devices.Skip(1));
    }

    [Theory]
    [InlineData("cpu", true)]
    [InlineData("cuda:99", false)]
    [InlineData("cuda:-1", false)]
    [InlineData("CPU", false)]
    [InlineData(null, false)]
    public void Check_Device_NullOnlyWhenAvailable(string? device, bool available)
    {
        Assert.Equal(available, DeviceCatalog.Check(device) is null);
    }

    [Theory]
    [InlineData(1, 16, 16)]
    [InlineData(2, 16, 8)]
    [InlineData(3, 16, 5)]
    [InlineData(4, 2, 1)]
    [InlineData(1, 4096, 1024)]
    public void ThreadsPerCpuSlot_Slots_ShareCoresWithoutOversubscribing(int slots, int cores, int expected)
    {
        Assert.Equal(expected, DeviceCatalog.ThreadsPerCpuSlot(slots, cores));
    }
}

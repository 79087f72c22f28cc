using System.Globalization;
using HyperSearch.Training.Native;
using HyperSearch.Training.Trainer;

namespace HyperSearch.Training.Devices;

/// <summary>
/// The devices this process can train on: always <c>cpu</c>, plus <c>cuda:0</c>… when libtorch was
/// built with CUDA and GPUs are visible (Debian's libtorch is CPU-only, so there it is just cpu).
/// </summary>
public static class DeviceCatalog
{
    public const string Cpu = "cpu";

    public static IReadOnlyList<string> List()
    {
        var devices = new List<string> { Cpu };
        for (var i = 0; i < CudaDeviceCount(); i++)
        {
            devices.Add("cuda:" + i.ToString(CultureInfo.InvariantCulture));
        }

        return devices;
    }

    public static int CudaDeviceCount()
    {
        try
        {
            TorchModel.Check(NativeMethods.CudaDeviceCount(out var count));
            return count;
        }
        catch (DllNotFoundException e)
        {
            throw new TorchException("the native trainer libhypersearch_native.so (or libtorch) could not be loaded: " + e.Message, e);
        }
    }

    /// <summary>
    /// Intra-op threads for each of <paramref name="cpuSlots"/> concurrent CPU trials, so that slots
    /// together never use more threads than the machine has cores (at least 1 each, at most
    /// <see cref="TrainingRequestValidator.MaxThreads"/>).
    /// </summary>
    public static int ThreadsPerCpuSlot(int cpuSlots, int? processorCount = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(cpuSlots, 1);
        return Math.Clamp((processorCount ?? Environment.ProcessorCount) / cpuSlots, 1, TrainingRequestValidator.MaxThreads);
    }

    /// <summary>Null when <paramref name="device"/> exists here, otherwise why not.</summary>
    public static string? Check(string? device)
    {
        if (string.IsNullOrWhiteSpace(device))
        {
            return "must be cpu or cuda:N";
        }

        if (device == Cpu)
        {
            return null;
        }

        if (!device.StartsWith("cuda:", StringComparison.Ordinal)
            || !int.TryParse(device.AsSpan(5), NumberStyles.None, CultureInfo.InvariantCulture, out var index))
        {
            return $"unknown device '{device}' (expected cpu or cuda:N)";
        }

        var count = CudaDeviceCount();
        return index < count
            ? null
            : $"'{device}' is not available here (devices: {string.Join(", ", List())})";
    }
}

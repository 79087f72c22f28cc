using System.Globalization;
using HyperSearch.Training.Runtime;
using HyperSearch.Training.Trainer;
using TorchSharp;

namespace HyperSearch.Training.Devices;

/// <summary>
/// The devices this process can train on: always <c>cpu</c>, plus <c>cuda:0</c>… when TorchSharp runs
/// on a CUDA libtorch (the <c>libtorch-cuda-*</c> package, docs/training.md) and GPUs are visible.
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
        TorchRuntime.EnsureLoaded();
        return torch.cuda.is_available() ? torch.cuda.device_count() : 0;
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
        if (CheckName(device, out var index) is { } problem)
        {
            return problem;
        }

        if (index < 0)
        {
            return null;
        }

        var count = CudaDeviceCount();
        return index < count
            ? null
            : $"'{device}' is not available here (devices: {string.Join(", ", List())})";
    }

    /// <summary>
    /// Null when <paramref name="device"/> is <c>cpu</c> or <c>cuda:N</c> (<paramref name="cudaIndex"/> N,
    /// −1 for cpu), without asking whether it exists here: a command workload's program finds its own GPUs.
    /// </summary>
    public static string? CheckName(string? device, out int cudaIndex)
    {
        cudaIndex = -1;
        if (string.IsNullOrWhiteSpace(device))
        {
            return "must be cpu or cuda:N";
        }

        if (device == Cpu)
        {
            return null;
        }

        return device.StartsWith("cuda:", StringComparison.Ordinal)
            && int.TryParse(device.AsSpan(5), NumberStyles.None, CultureInfo.InvariantCulture, out cudaIndex)
            ? null
            : $"unknown device '{device}' (expected cpu or cuda:N)";
    }
}

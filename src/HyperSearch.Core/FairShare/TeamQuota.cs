using System.Globalization;
using HyperSearch.Core.Validation;

namespace HyperSearch.Core.FairShare;

/// <summary>
/// A team's weight in the fair share of the devices and its optional caps on concurrent slots per
/// device kind (null = no cap; 0 = none of that kind). A team nobody configured has weight 1, no caps.
/// </summary>
public sealed record TeamQuota(int Weight = 1, int? CpuSlots = null, int? CudaSlots = null)
{
    public const int MaxWeight = 1000;
    public const int MaxSlots = 10_000;

    public static TeamQuota Default { get; } = new();

    public int? CapFor(string kind) => kind switch
    {
        DeviceKind.Cpu => CpuSlots,
        DeviceKind.Cuda => CudaSlots,
        _ => null,
    };

    /// <summary>Every problem, named by the field the page and the CLI use (<c>weight</c>, <c>cpu</c>, <c>cuda</c>).</summary>
    public IReadOnlyList<ValidationError> Validate()
    {
        var errors = new List<ValidationError>();
        if (Weight is < 1 or > MaxWeight) errors.Add(new("weight", $"must be between 1 and {MaxWeight}"));
        if (CpuSlots is < 0 or > MaxSlots) errors.Add(new(DeviceKind.Cpu, $"must be between 0 and {MaxSlots}, or empty for no cap"));
        if (CudaSlots is < 0 or > MaxSlots) errors.Add(new(DeviceKind.Cuda, $"must be between 0 and {MaxSlots}, or empty for no cap"));
        return errors;
    }

    /// <summary>"weight 2, cpu 4, cuda no cap": for the audit log, the CLI and the Teams page.</summary>
    public override string ToString() => $"weight {Weight}, cpu {Cap(CpuSlots)}, cuda {Cap(CudaSlots)}";

    private static string Cap(int? slots) => slots?.ToString(CultureInfo.InvariantCulture) ?? "no cap";
}

using System.Globalization;
using HyperSearch.Core.Training;

namespace HyperSearch.Training.Workloads;

/// <summary>
/// Reads a trial's free <c>params</c> for a model factory: a missing name takes the default, a bad
/// value is an <see cref="ArgumentException"/> naming <c>params.&lt;name&gt;</c>, which fails the trial
/// with that message.
/// </summary>
public static class WorkloadParameters
{
    /// <summary>A declared int or categorical parameter: its default when absent, an <see cref="ArgumentException"/> naming it when outside the declaration.</summary>
    public static int Int(IReadOnlyDictionary<string, double> parameters, WorkloadParameter declaration) =>
        (int)Float(parameters, declaration);

    /// <summary>A declared parameter of any kind: its default when absent, an <see cref="ArgumentException"/> naming it when outside the declaration.</summary>
    public static double Float(IReadOnlyDictionary<string, double> parameters, WorkloadParameter declaration)
    {
        if (!parameters.TryGetValue(declaration.Name, out var value))
        {
            return declaration.Default;
        }

        return declaration.Check(value) is { } problem ? throw new ArgumentException($"params.{declaration.Name}: {problem}") : value;
    }

    /// <summary>The declaration of a <c>batchSize</c> range: 1 to <paramref name="max"/> (the training set), log scale as batch sizes are searched.</summary>
    public static WorkloadParameter BatchSize(int max, int fallback) =>
        WorkloadParameter.Int("batchSize", 1, max, fallback, "samples per batch (at most the training set)", log: true);

    public static int Int(IReadOnlyDictionary<string, double> parameters, string name, int fallback, int min, int max)
    {
        if (!parameters.TryGetValue(name, out var value))
        {
            return fallback;
        }

        if (value != Math.Floor(value) || value < min || value > max)
        {
            throw new ArgumentException($"params.{name}: must be an integer in [{min}, {max}]; got {value.ToString(CultureInfo.InvariantCulture)}");
        }

        return (int)value;
    }

    public static double Float(IReadOnlyDictionary<string, double> parameters, string name, double fallback, double min, double max)
    {
        if (!parameters.TryGetValue(name, out var value))
        {
            return fallback;
        }

        if (!(value >= min && value <= max))
        {
            throw new ArgumentException($"params.{name}: must be in [{min.ToString(CultureInfo.InvariantCulture)}, {max.ToString(CultureInfo.InvariantCulture)}]; got {value.ToString(CultureInfo.InvariantCulture)}");
        }

        return value;
    }
}

using System.Globalization;

namespace HyperSearch.Training.Workloads;

/// <summary>
/// Reads a trial's free <c>params</c> for a model factory: a missing name takes the default, a bad
/// value is an <see cref="ArgumentException"/> naming <c>params.&lt;name&gt;</c>, which fails the trial
/// with that message.
/// </summary>
public static class WorkloadParameters
{
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

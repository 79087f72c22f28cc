using System.Globalization;
using HyperSearch.Core.Settings;
using HyperSearch.Core.Validation;
using HyperSearch.Training;
using HyperSearch.Training.Workloads;
using Microsoft.Extensions.Configuration;

namespace HyperSearch.Cli.Commands;

/// <summary>
/// What <c>trial run</c> and <c>lr-find</c> share: the workload registry built from configuration,
/// option parsing that names the field on bad input, and the "invalid input" exit path (code 2).
/// </summary>
internal static class TrainingCliSupport
{
    public const int InvalidInput = 2;
    public const int Failed = 1;
    /// <summary>128 + SIGINT, what shells report for a run stopped with Ctrl+C.</summary>
    public const int Cancelled = 130;

    /// <summary>
    /// appsettings.json next to the binary, then in <paramref name="workingDirectory"/> (default: the
    /// current one), then HyperSearch__… variables. A malformed appsettings.json (naming the file) or a
    /// wrong command workload setting (naming the key) is reported on <paramref name="error"/>, and null is returned.
    /// </summary>
    public static WorkloadRegistry? TryCreateRegistry(TextWriter error, string? workingDirectory = null)
    {
        IConfiguration configuration;
        try
        {
            configuration = new ConfigurationBuilder()
                .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
                .AddJsonFile(Path.Combine(workingDirectory ?? Directory.GetCurrentDirectory(), "appsettings.json"), optional: true)
                .AddEnvironmentVariables()
                .Build();
        }
        // The configuration library wraps the JSON parser's message; that inner line is the useful one.
        catch (InvalidDataException e)
        {
            error.WriteLine($"error: {e.Message} {e.GetBaseException().Message}");
            return null;
        }

        try
        {
            return TrainingConfiguration.Registry(configuration);
        }
        catch (SettingsException e)
        {
            foreach (var problem in e.Problems)
            {
                error.WriteLine($"error: {problem}");
            }

            return null;
        }
    }

    public static int Invalid(TextWriter error, IEnumerable<ValidationError> errors)
    {
        foreach (var e in errors)
        {
            error.WriteLine($"error: {e}");
        }

        return InvalidInput;
    }

    public static int ParseInt(string? text, string field, int fallback, List<ValidationError> errors)
    {
        if (text is null)
        {
            return fallback;
        }

        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        errors.Add(new(field, System.Numerics.BigInteger.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out _)
            ? $"'{text}' is out of range ({int.MinValue}…{int.MaxValue})"
            : $"'{text}' is not a whole number"));
        return fallback;
    }

    public static double ParseDouble(string? text, string field, double fallback, List<ValidationError> errors)
    {
        if (text is null)
        {
            return fallback;
        }

        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        errors.Add(new(field, $"'{text}' is not a number"));
        return fallback;
    }
}

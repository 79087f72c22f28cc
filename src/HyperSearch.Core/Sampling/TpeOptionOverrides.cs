using System.Globalization;

namespace HyperSearch.Core.Sampling;

/// <summary>
/// <c>name=value</c> overrides of <see cref="TpeOptions"/> (ask-tell's <c>--tpe-option</c>), so a
/// benchmark can measure a variant through the same interface as the default.
/// </summary>
public static class TpeOptionOverrides
{
    public static readonly IReadOnlyList<string> Names =
    [
        "startupTrials", "startup", "candidates", "multivariate", "jointShared", "jointModelFrom", "plateauRepeats", "conditionBranchOnShared", "decayTypeChoice", "spacingFloor", "priorWeight", "conditionalSplit",
        "omitKernelScale", "bandwidth", "minBranchTrials", "gamma", "gammaMax",
    ];

    /// <summary>The options with the overrides applied, or the first error ("name=value: why").</summary>
    public static (TpeOptions? Options, string? Error) Apply(TpeOptions options, IEnumerable<string> overrides)
    {
        var fraction = 0.1;
        var max = 25;
        foreach (var pair in overrides)
        {
            var parts = pair.Split('=', 2);
            if (parts.Length != 2)
            {
                return (null, $"{pair}: expected name=value");
            }
            var (name, value) = (parts[0].Trim(), parts[1].Trim());
            var ok = true;
            switch (name)
            {
                case "startupTrials" when TryParseAtLeast(value, 0, out var v):
                    options = options with { StartupTrials = v };
                    break;
                case "startup" when TryParseEnum<TpeStartup>(value, out var v):
                    options = options with { Startup = v };
                    break;
                case "candidates" when TryParseAtLeast(value, 1, out var v):
                    options = options with { Candidates = v };
                    break;
                case "minBranchTrials" when TryParseAtLeast(value, 0, out var v):
                    options = options with { MinBranchTrials = v };
                    break;
                case "multivariate" when bool.TryParse(value, out var v):
                    options = options with { Multivariate = v };
                    break;
                case "jointShared" when bool.TryParse(value, out var v):
                    options = options with { JointShared = v };
                    break;
                case "jointModelFrom" when TryParseAtLeast(value, 0, out var v):
                    options = options with { JointModelFrom = v };
                    break;
                case "plateauRepeats" when TryParseAtLeast(value, 0, out var v):
                    options = options with { PlateauRepeats = v };
                    break;
                case "conditionBranchOnShared" when bool.TryParse(value, out var v):
                    options = options with { ConditionBranchOnShared = v };
                    break;
                case "decayTypeChoice" when TryParseEnum<TpeDecayTypeChoice>(value, out var v):
                    options = options with { DecayTypeChoice = v };
                    break;
                case "spacingFloor" when bool.TryParse(value, out var v):
                    options = options with { SpacingFloor = v };
                    break;
                case "omitKernelScale" when bool.TryParse(value, out var v):
                    options = options with { OmitKernelScale = v };
                    break;
                case "priorWeight" when double.TryParse(value, CultureInfo.InvariantCulture, out var v) && v > 0:
                    options = options with { PriorWeight = v };
                    break;
                case "conditionalSplit" when TryParseEnum<TpeConditionalSplit>(value, out var v):
                    options = options with { ConditionalSplit = v };
                    break;
                case "bandwidth" when TryParseEnum<TpeBandwidth>(value, out var v):
                    options = options with { Bandwidth = v };
                    break;
                case "gamma" when double.TryParse(value, CultureInfo.InvariantCulture, out var v) && v is > 0 and <= 1:
                    fraction = v;
                    break;
                case "gammaMax" when TryParseAtLeast(value, 1, out var v):
                    max = v;
                    break;
                default:
                    ok = false;
                    break;
            }
            if (!ok)
            {
                return (null, Names.Contains(name) ? $"{pair}: invalid value" : $"{pair}: unknown option (known: {string.Join(", ", Names)})");
            }
        }
        if (fraction != 0.1 || max != 25)
        {
            options = options with { Gamma = n => Math.Min((int)Math.Ceiling(fraction * n), max) };
        }
        return (options, null);
    }

    /// <summary>An integer (invariant culture) no smaller than <paramref name="min"/>.</summary>
    private static bool TryParseAtLeast(string value, int min, out int result) =>
        int.TryParse(value, CultureInfo.InvariantCulture, out result) && result >= min;

    /// <summary>A named value, case-insensitive; numbers that name no value ("7") are refused.</summary>
    private static bool TryParseEnum<T>(string value, out T result) where T : struct, Enum =>
        Enum.TryParse(value, true, out result) && Enum.IsDefined(result);
}

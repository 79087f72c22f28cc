namespace HyperSearch.Core.Space;

/// <summary>
/// What the trial config accepts for one parameter: its kind, the valid value interval (bounds are
/// exclusive where the flag says so), whether a space must give it, and the default distribution
/// the launch form proposes (null: leave it out and use PyTorch's default).
/// </summary>
public sealed record ParamInfo(
    string Name,
    ParamKind Kind,
    Distribution? Default,
    double? Min = null,
    bool MinExclusive = false,
    double? Max = null,
    bool MaxExclusive = false,
    bool Required = false,
    IReadOnlyList<string>? Choices = null)
{
    /// <summary>The problem with a single value, or null when it is allowed.</summary>
    public string? Check(double value)
    {
        if (Min is { } min && (MinExclusive ? value <= min : value < min))
        {
            return $"must be {(MinExclusive ? ">" : "≥")} {Format(min)}";
        }
        if (Max is { } max && (MaxExclusive ? value >= max : value > max))
        {
            return $"must be {(MaxExclusive ? "<" : "≤")} {Format(max)}";
        }
        return null;
    }

    private static string Format(double v) => v.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
}

using System.Globalization;

namespace HyperSearch.Core.Training;

/// <summary>
/// One parameter a workload declares (docs/training.md, "Declared parameters"): what a search's
/// <c>params.&lt;Name&gt;</c> (or, for <see cref="WorkloadInfo.BatchSize"/>, its <c>batchSize</c>) may hold.
/// Specs are refused at launch when they name an undeclared parameter or reach outside the declared
/// range or choices; the trainer checks a trial's values again, so a re-run or an older search fails naming
/// the field instead of training with a silently ignored value. <see cref="Log"/> and <see cref="Default"/>
/// are what a form proposes (a log-scale range; the value a trial without the parameter gets).
/// </summary>
public sealed record WorkloadParameter(
    string Name,
    WorkloadParameterKind Kind,
    double Default,
    double? Low = null,
    double? High = null,
    IReadOnlyList<double>? Choices = null,
    bool Log = false,
    string Description = "")
{
    public static WorkloadParameter Int(string name, int low, int high, int fallback, string description, bool log = false) =>
        new(name, WorkloadParameterKind.Int, fallback, low, high, null, log, description);

    public static WorkloadParameter Float(string name, double low, double high, double fallback, string description, bool log = false) =>
        new(name, WorkloadParameterKind.Float, fallback, low, high, null, log, description);

    public static WorkloadParameter Categorical(string name, IReadOnlyList<double> choices, double fallback, string description) =>
        new(name, WorkloadParameterKind.Categorical, fallback, null, null, choices, false, description);

    /// <summary>The problem with one value, or null when it is allowed.</summary>
    public string? Check(double value)
    {
        if (!double.IsFinite(value))
        {
            return $"must be a finite number; got {Format(value)}";
        }
        return Kind switch
        {
            WorkloadParameterKind.Categorical when Choices is { } choices && !choices.Contains(value) =>
                $"must be one of {string.Join(", ", choices.Select(Format))}; got {Format(value)}",
            WorkloadParameterKind.Int when value != Math.Floor(value) => $"must be an integer in {Range}; got {Format(value)}",
            WorkloadParameterKind.Int or WorkloadParameterKind.Float when value < (Low ?? double.NegativeInfinity) || value > (High ?? double.PositiveInfinity) =>
                $"must be {(Kind == WorkloadParameterKind.Int ? "an integer" : "a number")} in {Range}; got {Format(value)}",
            _ => null,
        };
    }

    /// <summary>The declaration's own mistakes (a plug-in's or a command workload's settings), one line each.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(Name)) problems.Add("a parameter needs a name");
        if (Kind == WorkloadParameterKind.Categorical)
        {
            if (Choices is not { Count: > 0 }) problems.Add($"{Name}: a categorical parameter needs choices");
            else if (Choices.Any(c => !double.IsFinite(c))) problems.Add($"{Name}: choices must be finite numbers");
        }
        else if (Low is not { } low || High is not { } high || !double.IsFinite(low) || !double.IsFinite(high) || low > high)
        {
            problems.Add($"{Name}: needs finite Low ≤ High");
        }
        else if (Log && low <= 0)
        {
            problems.Add($"{Name}: a log range needs Low > 0");
        }
        else if (Kind == WorkloadParameterKind.Int && (low != Math.Floor(low) || high != Math.Floor(high)))
        {
            problems.Add($"{Name}: an int parameter needs integer bounds");
        }
        // The default is judged against a range only once the range itself is sound.
        if (problems.Count == 0 && Check(Default) is { } problem) problems.Add($"{Name}: Default {problem}");
        return problems;
    }

    /// <summary>"[4, 128]" or "{0, 1}", as messages show it.</summary>
    public string Range => Kind == WorkloadParameterKind.Categorical
        ? $"{{{string.Join(", ", (Choices ?? []).Select(Format))}}}"
        : $"[{Format(Low ?? double.NegativeInfinity)}, {Format(High ?? double.PositiveInfinity)}]";

    private static string Format(double v) => v.ToString("R", CultureInfo.InvariantCulture);
}

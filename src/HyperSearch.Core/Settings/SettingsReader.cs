using System.Globalization;

namespace HyperSearch.Core.Settings;

/// <summary>
/// Reads the settings of one section (appsettings.json, <c>HyperSearch__…</c> environment variables,
/// command-line switches) and collects what is wrong with them, each as one line naming the key. Why: a
/// mistyped lease (<c>LeaseSeconds=3O</c>) that silently became the default, or an unbindable value that
/// surfaced as a stack trace in the first page that needed it, hides the typo from the operator.
/// An absent or empty value is the default; anything else must be valid.
/// </summary>
public sealed class SettingsReader(string section, Func<string, string?> read)
{
    private readonly List<string> problems = [];

    public IReadOnlyList<string> Problems => problems;

    public string Key(string name) => $"{section}:{name}";

    public string? Text(string name) => read(name) is { Length: > 0 } text ? text : null;

    public void Add(string name, string problem) => problems.Add($"{Key(name)}: {problem}");

    public double PositiveNumber(string name, double fallback)
    {
        if (Text(name) is not { } text) return fallback;
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value > 0 && double.IsFinite(value)) return value;
        Add(name, $"must be a number > 0; got '{text}'");
        return fallback;
    }

    public int PositiveInteger(string name, int fallback)
    {
        if (Text(name) is not { } text) return fallback;
        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value > 0) return value;
        Add(name, $"must be a whole number > 0; got '{text}'");
        return fallback;
    }

    public bool Boolean(string name, bool fallback)
    {
        if (Text(name) is not { } text) return fallback;
        if (bool.TryParse(text, out var value)) return value;
        Add(name, $"must be true or false; got '{text}'");
        return fallback;
    }

    /// <summary>Throws <see cref="SettingsException"/> with every problem found so far, if any.</summary>
    public void ThrowIfAny()
    {
        if (problems.Count > 0) throw new SettingsException(problems);
    }
}

/// <summary>Settings that cannot be used; the message is one line per problem, each naming its key.</summary>
public sealed class SettingsException(IReadOnlyList<string> problems) : InvalidOperationException(string.Join(Environment.NewLine, problems))
{
    public IReadOnlyList<string> Problems { get; } = problems;

    /// <summary>The problems a settings reader reports (empty when it succeeds), for a check before a host starts.</summary>
    public static IReadOnlyList<string> Of(Action read)
    {
        try
        {
            read();
            return [];
        }
        catch (SettingsException e)
        {
            return e.Problems;
        }
    }
}

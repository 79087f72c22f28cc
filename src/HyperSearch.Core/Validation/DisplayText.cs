using System.Globalization;

namespace HyperSearch.Core.Validation;

/// <summary>
/// Names people read on the pages, in the audit log and in exports (searches, teams, tokens) must
/// show what they are: no control characters (a newline in an audit row, a terminal escape in a CSV
/// opened in a shell) and no bidirectional controls (U+202E RIGHT-TO-LEFT OVERRIDE turns
/// "resnet‮gnp.exe" into what reads as "resnetexe.png"), nor line or paragraph separators.
/// </summary>
public static class DisplayText
{
    /// <summary>Null when <paramref name="text"/> shows as it is; else the problem, naming the first offending character.</summary>
    public static string? Problem(string text)
    {
        foreach (var c in text)
        {
            if (IsBidiControl(c))
                return $"must not contain a bidirectional control character (U+{(int)c:X4}): it makes the name read differently from what it is";
            var category = char.GetUnicodeCategory(c);
            if (category is UnicodeCategory.Control or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator)
                return $"must not contain a control or line-break character (U+{(int)c:X4})";
        }
        return null;
    }

    // ALM, LRM/RLM, the embeddings and overrides LRE…RLO, the isolates LRI…PDI (Unicode's Bidi_Control property).
    private static bool IsBidiControl(char c) =>
        c is '\u061C' or '\u200E' or '\u200F' or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069');
}

using System.Text.RegularExpressions;

namespace HyperSearch.Cli.Tests.Docs;

/// <summary>
/// A fenced code block of a doc that quotes a repository file: the line before it is
/// <c>&lt;!-- file: examples/x/y.cs --&gt;</c> (the whole file) or <c>&lt;!-- file: examples/x/y.cs#name --&gt;</c>
/// (the lines between <c>snippet-begin: name</c> and <c>snippet-end: name</c> markers, in any comment
/// syntax, dedented). Tests compare the block with the file, so the docs show code that builds and runs.
/// </summary>
internal sealed partial record DocSnippet(string File, string? Region, string Language, string Text)
{
    public static IReadOnlyList<DocSnippet> In(string markdown) =>
        [.. Marked().Matches(markdown.ReplaceLineEndings("\n")).Select(m =>
            new DocSnippet(m.Groups["file"].Value, m.Groups["region"].Success ? m.Groups["region"].Value : null, m.Groups["lang"].Value, m.Groups["code"].Value))];

    /// <summary>Every fenced block's language and text, quoted or not.</summary>
    public static IReadOnlyList<(string Language, string Text)> Blocks(string markdown) =>
        [.. Fenced().Matches(markdown.ReplaceLineEndings("\n")).Select(m => (m.Groups["lang"].Value, m.Groups["code"].Value))];

    /// <summary>What the block must equal: the file, or its region.</summary>
    public string Expected(string root)
    {
        var lines = System.IO.File.ReadAllText(Path.Combine(root, File)).ReplaceLineEndings("\n").TrimEnd('\n').Split('\n');
        if (Region is null) return string.Join('\n', lines);
        var begin = Array.FindIndex(lines, l => l.TrimEnd().EndsWith($"snippet-begin: {Region}", StringComparison.Ordinal));
        var end = Array.FindIndex(lines, l => l.TrimEnd().EndsWith($"snippet-end: {Region}", StringComparison.Ordinal));
        if (begin < 0 || end < begin) throw new InvalidOperationException($"{File} has no region '{Region}' (snippet-begin/snippet-end markers)");
        var region = lines[(begin + 1)..end];
        var indent = region.Where(l => l.Trim().Length > 0).Min(l => l.Length - l.TrimStart().Length);
        return string.Join('\n', region.Select(l => l.Length >= indent ? l[indent..] : l.TrimStart()));
    }

    [GeneratedRegex(@"<!-- file: (?<file>[^#\s]+)(#(?<region>[\w-]+))? -->\n```(?<lang>\w*)\n(?<code>.*?)\n```", RegexOptions.Singleline)]
    private static partial Regex Marked();

    [GeneratedRegex(@"^```(?<lang>\w+)\n(?<code>.*?)\n```", RegexOptions.Singleline | RegexOptions.Multiline)]
    private static partial Regex Fenced();
}

using System.Text;
using System.Text.Json;

namespace HyperSearch.Training.Command;

/// <summary>
/// Reads one protocol line: a JSON object with exactly one of <c>epoch</c>, <c>resumed</c> or
/// <c>testLoss</c>. Losses and metrics may be non-finite: written as the strings <c>"NaN"</c>,
/// <c>"Infinity"</c>, <c>"-Infinity"</c>, or bare as Python's <c>json.dumps</c> writes them (a diverged
/// loss is a result, not a malformed line). Anything else is a <see cref="ProtocolException"/> saying what.
/// </summary>
public static class ProgramMessageParser
{
    private static readonly string[] EpochFields = ["epoch", "trainLoss", "valLoss", "valAccuracy", "lr"];

    /// <exception cref="ProtocolException">The line is not a protocol message.</exception>
    public static ProgramMessage Parse(string line)
    {
        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(QuoteNonFinite(line));
            root = document.RootElement.Clone();
        }
        catch (JsonException e)
        {
            throw new ProtocolException($"not a JSON object ({Reason(e)})");
        }

        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new ProtocolException("not a JSON object");
        }

        var kinds = new[] { "epoch", "resumed", "testLoss" }.Where(k => root.TryGetProperty(k, out _)).ToList();
        if (kinds.Count != 1)
        {
            throw new ProtocolException(kinds.Count == 0
                ? "has none of 'epoch', 'resumed' or 'testLoss'"
                : $"has both '{kinds[0]}' and '{kinds[1]}' (one message per line)");
        }

        return kinds[0] switch
        {
            "resumed" => new ResumedMessage(Count(root, "resumed", 0)),
            "testLoss" => new TestResultMessage(Number(root, "testLoss"), Number(root, "testAccuracy")),
            _ => Epoch(root),
        };
    }

    // The parser's own words without its position suffix (" Path: $ | LineNumber: 0 | BytePositionInLine: 0."): the line is quoted anyway.
    private static string Reason(JsonException e)
    {
        var cut = new[] { " Path:", " LineNumber:" }.Select(m => e.Message.IndexOf(m, StringComparison.Ordinal)).Where(i => i >= 0).DefaultIfEmpty(e.Message.Length).Min();
        return e.Message[..cut].TrimEnd(' ', '.', '|');
    }

    private static EpochMessage Epoch(JsonElement root)
    {
        var extra = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var field in root.EnumerateObject().Where(f => !EpochFields.Contains(f.Name)))
        {
            extra[field.Name] = Number(root, field.Name);
        }

        double? lr = root.TryGetProperty("lr", out var given) && given.ValueKind != JsonValueKind.Null ? Number(root, "lr") : null;
        return new EpochMessage(Count(root, "epoch", 1), Number(root, "trainLoss"), Number(root, "valLoss"), Number(root, "valAccuracy"), lr, extra);
    }

    private static int Count(JsonElement root, string name, int min)
    {
        if (root.GetProperty(name) is { ValueKind: JsonValueKind.Number } value && value.TryGetInt32(out var count) && count >= min)
        {
            return count;
        }

        throw new ProtocolException($"'{name}' must be a whole number ≥ {min}; got {root.GetProperty(name).GetRawText()}");
    }

    private static double Number(JsonElement root, string name)
    {
        if (!root.TryGetProperty(name, out var value))
        {
            throw new ProtocolException($"'{name}' is missing");
        }

        switch (value.ValueKind)
        {
            case JsonValueKind.Number:
                return value.GetDouble();
            case JsonValueKind.String when value.GetString() is "NaN" or "Infinity" or "-Infinity":
                return double.Parse(value.GetString()!, System.Globalization.CultureInfo.InvariantCulture);
            default:
                throw new ProtocolException($"'{name}' must be a number (or \"NaN\", \"Infinity\", \"-Infinity\"); got {value.GetRawText()}");
        }
    }

    /// <summary>Bare NaN / Infinity / -Infinity tokens outside strings become JSON strings.</summary>
    internal static string QuoteNonFinite(string line)
    {
        if (!line.Contains("NaN", StringComparison.Ordinal) && !line.Contains("Infinity", StringComparison.Ordinal))
        {
            return line;
        }

        var result = new StringBuilder(line.Length + 8);
        var inString = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (inString)
            {
                result.Append(c);
                if (c == '\\' && i + 1 < line.Length)
                {
                    result.Append(line[++i]);
                }
                else if (c == '"')
                {
                    inString = false;
                }

                continue;
            }

            if (c == '"')
            {
                inString = true;
                result.Append(c);
                continue;
            }

            var token = new[] { "-Infinity", "Infinity", "NaN" }.FirstOrDefault(t => string.CompareOrdinal(line, i, t, 0, t.Length) == 0);
            if (token is null)
            {
                result.Append(c);
                continue;
            }

            result.Append('"').Append(token).Append('"');
            i += token.Length - 1;
        }

        return result.ToString();
    }
}

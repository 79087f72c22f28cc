using System.Text.Json;
using HyperSearch.Core.Configuration;
using HyperSearch.Core.Json;
using HyperSearch.Core.Validation;

namespace HyperSearch.Cli.Commands;

/// <summary>
/// Reads the JSON files users name on the command line (trial configs, metric arrays). Every way a
/// read can fail becomes one <see cref="ValidationError"/> on the option's field instead of an
/// exception, so each command reports it with exit code 2 and never a stack trace.
/// </summary>
internal static class CliFiles
{
    /// <summary>A trial config file; a decay without <c>"type"</c> gets a hint listing the decay types.</summary>
    public static TrialConfig? ReadTrialConfig(string? path, string field, List<ValidationError> errors) =>
        ReadJson<TrialConfig>(path, field, "trial config", errors,
            missingTypeHint: "a decay needs a \"type\" (one of " + string.Join(", ", DecayTypes.All) + ")");

    /// <returns>The document, or null after adding the reason to <paramref name="errors"/>.</returns>
    public static T? ReadJson<T>(string? path, string field, string what, List<ValidationError> errors, string? missingTypeHint = null)
        where T : class
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            errors.Add(new(field, $"is required (a {what} JSON file)"));
            return null;
        }

        // File.ReadAllText on a directory reports "access denied", which sends users hunting for permissions.
        if (Directory.Exists(path))
        {
            errors.Add(new(field, $"'{path}' is a directory, expected a {what} JSON file"));
            return null;
        }

        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            errors.Add(new(field, $"file '{path}' not found"));
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            errors.Add(new(field, $"cannot read '{path}': {e.Message}"));
            return null;
        }

        T? value;
        try
        {
            value = JsonSerializer.Deserialize<T>(text, HyperJson.Options);
        }
        catch (JsonException e)
        {
            errors.Add(new(field, $"'{path}' is not a valid {what}: {e.Message}"));
            return null;
        }
        // A polymorphic object without its "type" discriminator surfaces as NotSupportedException.
        catch (NotSupportedException e)
        {
            errors.Add(new(field, $"'{path}' is not a valid {what}: {missingTypeHint ?? e.Message}"));
            return null;
        }

        if (value is null)
        {
            errors.Add(new(field, $"'{path}' holds null, expected a {what}"));
        }

        return value;
    }
}

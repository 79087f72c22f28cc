using System.Text.Json;
using HyperSearch.Core.Configuration;
using HyperSearch.Core.Json;
using HyperSearch.Core.Schedules;
using HyperSearch.Core.Validation;

namespace HyperSearch.Web.Api;

/// <summary>A trial config from a request body: JSON errors and the core validator's messages, each with its JSON path.</summary>
internal static class TrialConfigReader
{
    public static (TrialConfig? Config, IReadOnlyList<ValidationError> Errors) Read(string json)
    {
        TrialConfig? config;
        try
        {
            config = JsonSerializer.Deserialize<TrialConfig>(json, HyperJson.Options);
        }
        catch (JsonException e)
        {
            // "$.decay.gamma" → "decay.gamma": the same names as the validator's paths and the form's boxes.
            var path = e.Path is { Length: > 2 } p && p.StartsWith("$.", StringComparison.Ordinal) ? p[2..] : "$";
            return (null, [new ValidationError(path, e.Message)]);
        }

        if (config is null) return (null, [new ValidationError("$", "must be a trial config object")]);
        var errors = TrialConfigValidator.Validate(config);
        return errors.Count > 0 ? (null, errors) : (config, []);
    }
}

using System.Globalization;
using HyperSearch.Core.Settings;
using HyperSearch.Core.Training;
using Microsoft.Extensions.Configuration;

namespace HyperSearch.Training.Command;

/// <summary>
/// Reads a command workload's declared parameters from its settings (docs/training.md, "Declared
/// parameters"): <c>Parameters</c>, a list of <c>{ Name, Kind: int|float|categorical, Low, High, Choices,
/// Default, Log, Description }</c>, and <c>BatchSize</c>, <c>{ Low, High, Default }</c>. Every mistake is one
/// line naming its key (<c>…:Commands:0:Parameters:1:High: must be a number</c>).
/// </summary>
internal static class WorkloadParameterSettings
{
    private static readonly string[] Known = ["Name", "Kind", "Low", "High", "Choices", "Default", "Log", "Description"];
    private static readonly string[] BatchKnown = ["Low", "High", "Default"];

    /// <returns>Null when the section is absent (nothing declared).</returns>
    public static IReadOnlyList<WorkloadParameter>? ReadList(IConfigurationSection section, SettingsReader reader)
    {
        if (!section.Exists())
        {
            return null;
        }
        if (section.Value is { Length: > 0 })
        {
            reader.Add(section.Key, "must be a list of parameters ({ \"Name\": \"n_layers\", \"Kind\": \"int\", \"Low\": 1, \"High\": 3, \"Default\": 1 })");
            return [];
        }
        var result = new List<WorkloadParameter>();
        foreach (var entry in section.GetChildren())
        {
            var key = $"{section.Key}:{entry.Key}";
            if (Read(entry, key, reader, Known) is { } parameter)
            {
                if (result.Any(p => p.Name == parameter.Name)) reader.Add($"{key}:Name", $"'{parameter.Name}' is declared twice");
                else result.Add(parameter);
            }
        }
        return result;
    }

    public static WorkloadParameter? ReadBatchSize(IConfigurationSection section, SettingsReader reader) =>
        section.Exists() ? Read(section, section.Key, reader, BatchKnown, batchSize: true) : null;

    private static WorkloadParameter? Read(IConfigurationSection entry, string key, SettingsReader reader, string[] known, bool batchSize = false)
    {
        var before = reader.Problems.Count;
        foreach (var unknown in entry.GetChildren().Select(c => c.Key).Where(k => !known.Contains(k, StringComparer.OrdinalIgnoreCase)))
        {
            reader.Add($"{key}:{unknown}", $"is not a setting of a parameter (known: {string.Join(", ", known)})");
        }
        var name = batchSize ? "batchSize" : entry["Name"];
        if (string.IsNullOrWhiteSpace(name)) reader.Add($"{key}:Name", "is required");
        var kindText = batchSize ? "int" : entry["Kind"];
        WorkloadParameterKind? kind = kindText?.ToLowerInvariant() switch
        {
            "int" => WorkloadParameterKind.Int,
            "float" => WorkloadParameterKind.Float,
            "categorical" => WorkloadParameterKind.Categorical,
            _ => null,
        };
        if (kind is null) reader.Add($"{key}:Kind", $"must be int, float or categorical; got '{kindText}'");
        var low = Number(entry, key, "Low", reader);
        var high = Number(entry, key, "High", reader);
        var fallback = Number(entry, key, "Default", reader);
        var choices = new List<double>();
        foreach (var choice in entry.GetSection("Choices").GetChildren())
        {
            if (Number(entry.GetSection("Choices"), $"{key}:Choices", choice.Key, reader) is { } c) choices.Add(c);
        }
        var log = false;
        if (entry["Log"] is { Length: > 0 } logText && !bool.TryParse(logText, out log)) reader.Add($"{key}:Log", $"must be true or false; got '{logText}'");
        if (fallback is null && reader.Problems.Count == before) reader.Add($"{key}:Default", "is required (the value a trial without the parameter gets)");
        if (reader.Problems.Count > before || kind is null || name is null || fallback is null)
        {
            return null;
        }
        var parameter = new WorkloadParameter(name, kind.Value, fallback.Value, low, high,
            kind == WorkloadParameterKind.Categorical ? choices : null, log, entry["Description"] ?? "");
        foreach (var problem in parameter.Problems())
        {
            reader.Add(key, problem);
        }
        return reader.Problems.Count > before ? null : parameter;
    }

    private static double? Number(IConfigurationSection entry, string key, string name, SettingsReader reader)
    {
        if (entry[name] is not { Length: > 0 } text) return null;
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value)) return value;
        reader.Add($"{key}:{name}", $"must be a number; got '{text}'");
        return null;
    }
}

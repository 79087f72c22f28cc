using HyperSearch.Core.Configuration;
using HyperSearch.Core.Searches;
using HyperSearch.Core.Trials;
using HyperSearch.Core.Validation;

namespace HyperSearch.Web.Api;

/// <summary>Reads the trials list's query string (state=completed,running&amp;decay=cosine&amp;sort=rank…) with field errors.</summary>
internal static class TrialQueryReader
{
    public const int MaxTake = 1000;

    public static (TrialQuery? Query, List<ValidationError> Errors) Read(long searchId, string? state, string? decay,
        string? sort, bool? desc, int? skip, int? take, string? tag = null)
    {
        var errors = new List<ValidationError>();
        if (TagProblem(tag) is { } tagProblem) errors.Add(new("tag", tagProblem));
        var states = ParseEnums<TrialState>("state", state, errors);
        var decays = Split(decay);
        foreach (var type in decays ?? [])
        {
            if (!DecayTypes.All.Contains(type)) errors.Add(new("decay", $"unknown decay type '{type}' (known: {string.Join(", ", DecayTypes.All)})"));
        }

        var order = ParseEnums<TrialSort>("sort", sort, errors)?.FirstOrDefault() ?? TrialSort.Rank;
        if (skip is < 0) errors.Add(new("skip", "must be ≥ 0"));
        if (take is < 1 or > MaxTake) errors.Add(new("take", $"must be between 1 and {MaxTake}"));
        if (errors.Count > 0) return (null, errors);
        return (new TrialQuery
        {
            SearchId = searchId,
            States = states,
            DecayTypes = decays,
            Sort = order,
            Descending = desc ?? false,
            Skip = skip ?? 0,
            Take = take ?? 50,
            Tag = tag?.ToLowerInvariant(),
        }, errors);
    }

    /// <summary>Null when the tag filter is absent or could be a tag.</summary>
    public static string? TagProblem(string? tag) => tag is null ? null : AnnotationReader.TagProblem(tag.ToLowerInvariant());

    private static string[]? Split(string? text) =>
        string.IsNullOrWhiteSpace(text) ? null : text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public static List<T>? ParseEnums<T>(string field, string? text, List<ValidationError> errors) where T : struct, Enum
    {
        var parts = Split(text);
        if (parts is null) return null;
        var values = new List<T>();
        foreach (var part in parts)
        {
            if (Enum.TryParse<T>(part, ignoreCase: true, out var value) && Enum.IsDefined(value) && !int.TryParse(part, out _)) values.Add(value);
            else errors.Add(new(field, $"unknown value '{part}' (known: {string.Join(", ", Enum.GetNames<T>().Select(n => char.ToLowerInvariant(n[0]) + n[1..]))})"));
        }

        return values;
    }
}

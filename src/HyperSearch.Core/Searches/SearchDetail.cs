namespace HyperSearch.Core.Searches;

/// <summary>A search with the spec it was created from (space JSON included).</summary>
public sealed record SearchDetail(SearchSummary Summary, SearchSpec Spec, bool SamplerExhausted);

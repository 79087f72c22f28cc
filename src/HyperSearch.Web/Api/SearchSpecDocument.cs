using System.Text.Json.Nodes;

namespace HyperSearch.Web.Api;

/// <summary>
/// The shape of a search spec for the OpenAPI document only; the endpoint reads the raw body and
/// validates it with <see cref="HyperSearch.Core.Searches.SearchSpecValidator"/>.
/// </summary>
public sealed record SearchSpecDocument(
    string Name,
    string Workload,
    int Budget,
    int Epochs,
    JsonObject Space,
    string? Owner = null,
    string? Strategy = null,
    string? Objective = null,
    string? Direction = null,
    int? Parallelism = null,
    string? ScheduleUnit = null,
    int? Seed = null,
    int? GridPoints = null,
    JsonObject? Pruner = null,
    int? Priority = null);

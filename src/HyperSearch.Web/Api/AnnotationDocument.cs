namespace HyperSearch.Web.Api;

/// <summary>Body of PUT …/annotation (for the OpenAPI document; read by <see cref="Core.Searches.AnnotationReader"/>).</summary>
public sealed record AnnotationDocument(string? Notes, IReadOnlyList<string>? Tags);

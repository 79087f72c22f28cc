using HyperSearch.Core.Access;

namespace HyperSearch.Data.Entities;

/// <summary>A personal access token: only its SHA-256 is stored; the secret is shown once at creation.</summary>
public sealed class ApiTokenEntity
{
    public long Id { get; set; }
    public required string UserId { get; set; }
    public required string Name { get; set; }
    /// <summary>Lower-case hex SHA-256 of the whole token text.</summary>
    public required string Hash { get; set; }
    public TokenScope Scope { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public DateTimeOffset? LastUsedAt { get; set; }
}

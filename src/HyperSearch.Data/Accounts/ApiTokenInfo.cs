using HyperSearch.Core.Access;

namespace HyperSearch.Data.Accounts;

/// <summary>A token as its owner sees it after creation: never the secret.</summary>
public sealed record ApiTokenInfo(long Id, string Name, TokenScope Scope, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt, DateTimeOffset? LastUsedAt);

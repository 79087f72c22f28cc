using HyperSearch.Core.Access;

namespace HyperSearch.Data.Accounts;

/// <summary>The result of presenting a bearer token: unknown, expired, or valid for this account and scope.</summary>
public sealed record TokenCheck(TokenCheckResult Result, string? UserId = null, TokenScope Scope = TokenScope.Read);

public enum TokenCheckResult
{
    Unknown,
    Expired,
    Valid,
}

namespace HyperSearch.Core.Searches;

/// <summary>
/// A launch as the audit log records it — who, which action (<c>launch</c>, <c>clone</c>), a detail —
/// written in the same transaction as the search. <see cref="IdempotencyKey"/> (the client's, or the
/// launch form's own) makes a retried launch by the same launcher return the first search instead of
/// a second one; <see cref="Fingerprint"/> tells a retry from another request reusing the key.
/// </summary>
public sealed record SearchLaunch(string Actor, string AuditAction, string AuditDetail, string? IdempotencyKey = null, string? Fingerprint = null);

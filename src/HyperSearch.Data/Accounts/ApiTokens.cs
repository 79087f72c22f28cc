using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using HyperSearch.Core.Access;
using HyperSearch.Core.Validation;
using HyperSearch.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace HyperSearch.Data.Accounts;

/// <summary>
/// Personal access tokens: 32 random bytes shown once as <c>hs_…</c>; only their SHA-256 is stored
/// (a token is high-entropy, so a plain hash suffices — a slow password hash would only slow every
/// API call). Checking a token only reads: its last use is noted in memory and written later by
/// <see cref="WriteLastUsesAsync"/> (the dashboard's background writer), so a locked or unreachable
/// database never makes an API call wait on, or fail at, a write it did not ask for.
/// </summary>
public sealed class ApiTokens(IDbContextFactory<HyperSearchDbContext> factory, TimeProvider time)
{
    public const string Prefix = "hs_";
    public const int MaxDays = 366;

    /// <summary>Last use to the minute: enough for "is this token still used?", without a write per request.</summary>
    public static readonly TimeSpan LastUseResolution = TimeSpan.FromMinutes(1);

    // Token id → the newest use not written yet.
    private readonly ConcurrentDictionary<long, DateTimeOffset> pendingUses = new();

    public async Task<(string? Token, string? Error)> CreateAsync(string userId, string name, TokenScope scope, int days, CancellationToken cancellationToken = default)
    {
        name = name.Trim();
        if (name.Length == 0) return (null, "name: must not be empty");
        if (name.Length > 100) return (null, "name: must be at most 100 characters");
        if (DisplayText.Problem(name) is { } problem) return (null, $"name: {problem}");
        if (days is < 1 or > MaxDays) return (null, $"days: must be between 1 and {MaxDays}");
        var token = Prefix + Base64Url(RandomNumberGenerator.GetBytes(32));
        var now = time.GetUtcNow();
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        db.ApiTokens.Add(new ApiTokenEntity { UserId = userId, Name = name, Hash = HashOf(token), Scope = scope, CreatedAt = now, ExpiresAt = now.AddDays(days) });
        await db.SaveChangesAsync(cancellationToken);
        return (token, null);
    }

    public async Task<TokenCheck> CheckAsync(string token, CancellationToken cancellationToken = default)
    {
        if (!token.StartsWith(Prefix, StringComparison.Ordinal) || token.Length > 100) return new TokenCheck(TokenCheckResult.Unknown);
        var hash = HashOf(token);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var row = await db.ApiTokens.AsNoTracking().SingleOrDefaultAsync(t => t.Hash == hash, cancellationToken);
        if (row is null) return new TokenCheck(TokenCheckResult.Unknown);
        var now = time.GetUtcNow();
        if (row.ExpiresAt <= now) return new TokenCheck(TokenCheckResult.Expired);
        if (row.LastUsedAt is null || now - row.LastUsedAt.Value > LastUseResolution)
            pendingUses.AddOrUpdate(row.Id, now, (_, noted) => noted > now ? noted : now);
        return new TokenCheck(TokenCheckResult.Valid, row.UserId, row.Scope);
    }

    /// <summary>
    /// Writes the last uses noted since the previous call; returns how many tokens it updated. When the
    /// database refuses, the uses stay noted for the next call (and the fault is thrown to the caller).
    /// </summary>
    public async Task<int> WriteLastUsesAsync(CancellationToken cancellationToken = default)
    {
        var uses = pendingUses.ToArray();
        foreach (var (id, at) in uses) pendingUses.TryRemove(new KeyValuePair<long, DateTimeOffset>(id, at));
        var written = 0;
        try
        {
            await using var db = await factory.CreateDbContextAsync(cancellationToken);
            foreach (var (id, at) in uses)
            {
                written += await db.ApiTokens.Where(t => t.Id == id && (t.LastUsedAt == null || t.LastUsedAt < at))
                    .ExecuteUpdateAsync(u => u.SetProperty(t => t.LastUsedAt, at), cancellationToken);
            }
        }
        catch
        {
            foreach (var (id, at) in uses) pendingUses.AddOrUpdate(id, at, (_, noted) => noted > at ? noted : at);
            throw;
        }
        return written;
    }

    public async Task<IReadOnlyList<ApiTokenInfo>> ListAsync(string userId, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var rows = await db.ApiTokens.AsNoTracking().Where(t => t.UserId == userId).OrderBy(t => t.Id).ToListAsync(cancellationToken);
        return rows.Select(t => new ApiTokenInfo(t.Id, t.Name, t.Scope, t.CreatedAt, t.ExpiresAt, t.LastUsedAt)).ToList();
    }

    public async Task<bool> RevokeAsync(string userId, long tokenId, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await db.ApiTokens.Where(t => t.Id == tokenId && t.UserId == userId).ExecuteDeleteAsync(cancellationToken) > 0;
    }

    internal static string HashOf(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

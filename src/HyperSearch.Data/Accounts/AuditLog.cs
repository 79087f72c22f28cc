using HyperSearch.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace HyperSearch.Data.Accounts;

/// <summary>Who launched, cancelled, paused, resumed, cloned, re-prioritised or changed a team, and when.</summary>
public sealed class AuditLog(IDbContextFactory<HyperSearchDbContext> factory, TimeProvider time)
{
    public async Task RecordAsync(string actor, string action, long? searchId, string detail, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        db.AuditLog.Add(Entry(time.GetUtcNow(), actor, action, searchId, detail));
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>An entry to add in the caller's own transaction (a launch writes its entry with the search).</summary>
    internal static AuditEntryEntity Entry(DateTimeOffset at, string actor, string action, long? searchId, string detail) => new()
    {
        At = at, Actor = actor, Action = action, SearchId = searchId,
        Detail = detail.Length > 1000 ? detail[..1000] : detail,
    };

    /// <summary>Newest first, optionally only one action and/or one actor.</summary>
    public async Task<IReadOnlyList<AuditEntry>> ListAsync(string? action = null, string? actor = null, int take = 500, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var query = db.AuditLog.AsNoTracking();
        if (!string.IsNullOrEmpty(action)) query = query.Where(e => e.Action == action);
        if (!string.IsNullOrEmpty(actor)) query = query.Where(e => e.Actor == actor);
        var rows = await query.OrderByDescending(e => e.Id).Take(Math.Clamp(take, 1, 5000)).ToListAsync(cancellationToken);
        return rows.Select(e => new AuditEntry(e.Id, e.At, e.Actor, e.Action, e.SearchId, e.Detail)).ToList();
    }
}

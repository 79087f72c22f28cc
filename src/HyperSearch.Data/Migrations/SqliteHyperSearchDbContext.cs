using Microsoft.EntityFrameworkCore;

namespace HyperSearch.Data.Migrations;

/// <summary>
/// The SQLite migrations' context: the same model as <see cref="HyperSearchDbContext"/>, its own
/// migrations and snapshot under Migrations/Sqlite (EF's "one context type per provider" layout).
/// </summary>
public sealed class SqliteHyperSearchDbContext(DbContextOptions<SqliteHyperSearchDbContext> options) : HyperSearchDbContext(options);

using Microsoft.EntityFrameworkCore;

namespace HyperSearch.Data.Migrations;

/// <summary>
/// The PostgreSQL migrations' context: the same model as <see cref="HyperSearchDbContext"/>, its own
/// migrations and snapshot under Migrations/Postgres (EF's "one context type per provider" layout).
/// </summary>
public sealed class PostgresHyperSearchDbContext(DbContextOptions<PostgresHyperSearchDbContext> options) : HyperSearchDbContext(options);

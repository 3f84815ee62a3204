using Microsoft.EntityFrameworkCore;

namespace Trygg.Data;

/// <summary>The model on PostgreSQL, with the migrations in Data/Migrations/Postgres.</summary>
public sealed class PostgresAppDbContext(DbContextOptions<PostgresAppDbContext> options) : AppDbContext(options);

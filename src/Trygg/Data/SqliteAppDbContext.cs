using Microsoft.EntityFrameworkCore;

namespace Trygg.Data;

/// <summary>The model on SQLite, with the migrations in Data/Migrations/Sqlite.</summary>
public sealed class SqliteAppDbContext(DbContextOptions<SqliteAppDbContext> options) : AppDbContext(options);

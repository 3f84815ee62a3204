using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Trygg.Data;

namespace Trygg.Tests.Operations;

/// <summary>A test database read straight, without a web host: to see what a backup, a restore or a killed import left in it.</summary>
internal static class DatabaseContents
{
    public static AppDbContext Open(TestDatabase database) => database.Provider == "Postgres"
        ? new PostgresAppDbContext(new DbContextOptionsBuilder<PostgresAppDbContext>().UseNpgsql(database.ConnectionString).Options)
        : new SqliteAppDbContext(new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite(database.ConnectionString).Options);

    /// <summary>The number of rows in every table of the model, and in EF's migration history.</summary>
    public static async Task<SortedDictionary<string, long>> RowCountsAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        var tables = db.Model.GetEntityTypes().Select(t => t.GetTableName()).OfType<string>().Append("__EFMigrationsHistory").Distinct();
        var counts = new SortedDictionary<string, long>(StringComparer.Ordinal);
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            foreach (var table in tables)
            {
                await using var command = db.Database.GetDbConnection().CreateCommand();
#pragma warning disable CA2100 // Table names from the EF model.
                command.CommandText = $"SELECT COUNT(*) FROM \"{table}\"";
#pragma warning restore CA2100
                counts[table] = Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }

        return counts;
    }
}

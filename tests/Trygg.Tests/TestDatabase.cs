using Microsoft.Data.Sqlite;
using Npgsql;

namespace Trygg.Tests;

/// <summary>
/// A real, empty database for one test host: a SQLite file by default, or a fresh PostgreSQL database when
/// TRYGG_TEST_DATABASE=postgres (CI runs the whole suite both ways) with TRYGG_TEST_POSTGRES as the server's connection string.
/// </summary>
public sealed class TestDatabase : IDisposable
{
    private readonly string? sqliteFile;
    private readonly string? postgresName;

    public TestDatabase()
    {
        var id = Guid.NewGuid().ToString("N")[..12];
        if (IsPostgres)
        {
            var server = Environment.GetEnvironmentVariable("TRYGG_TEST_POSTGRES");
            if (string.IsNullOrWhiteSpace(server))
            {
                throw new InvalidOperationException("TRYGG_TEST_DATABASE=postgres kräver TRYGG_TEST_POSTGRES, t.ex. \"Host=127.0.0.1;Port=5433;Username=postgres\".");
            }

            postgresName = $"trygg_test_{id}";
            Provider = "Postgres";
            ConnectionString = new NpgsqlConnectionStringBuilder(server) { Database = postgresName }.ToString();
        }
        else
        {
            var folder = Path.Combine(Path.GetTempPath(), "trygg-tests");
            Directory.CreateDirectory(folder);
            sqliteFile = Path.Combine(folder, $"{id}.db");
            Provider = "Sqlite";
            ConnectionString = new SqliteConnectionStringBuilder { DataSource = sqliteFile }.ToString();
        }
    }

    public static bool IsPostgres =>
        string.Equals(Environment.GetEnvironmentVariable("TRYGG_TEST_DATABASE"), "postgres", StringComparison.OrdinalIgnoreCase);

    /// <summary>The value for Database:Provider.</summary>
    public string Provider { get; }

    /// <summary>The value for ConnectionStrings:Trygg.</summary>
    public string ConnectionString { get; }

    public void Dispose()
    {
        if (sqliteFile is not null)
        {
            SqliteConnection.ClearAllPools();
            foreach (var file in new[] { sqliteFile, sqliteFile + "-wal", sqliteFile + "-shm" })
            {
                File.Delete(file);
            }
        }
        else if (postgresName is not null)
        {
            NpgsqlConnection.ClearAllPools();
            var server = new NpgsqlConnectionStringBuilder(ConnectionString) { Database = "postgres" }.ToString();
            using var connection = new NpgsqlConnection(server);
            connection.Open();
            using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{postgresName}\" WITH (FORCE)", connection);
            drop.ExecuteNonQuery();
        }
    }
}

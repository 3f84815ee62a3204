using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace Trygg.Data;

/// <summary>
/// The whole database in one file and back (<c>trygg backup</c>, <c>trygg restore</c>). SQLite is copied with its online backup
/// API, which reads one committed state while the web host goes on writing (in WAL mode readers and writers do not wait for each
/// other); PostgreSQL with pg_dump's custom format, also one snapshot, restored by pg_restore in a single transaction. A restore
/// first checks that the file is a Trygg database of migrations this version knows, refuses to overwrite a database that holds
/// data unless forced, and then migrates what it restored to the current schema.
/// </summary>
public sealed class Backups(AppDbContext db, DatabaseSeeder seeder)
{
    private static readonly byte[] SqliteHeader = "SQLite format 3\0"u8.ToArray();
    private static readonly byte[] PgDumpHeader = "PGDMP"u8.ToArray();
    private static readonly CultureInfo Swedish = CultureInfo.GetCultureInfo("sv-SE");

    /// <summary>What a database holds before anyone stored anything in it: EF's history and lock, and the roles migrating creates.</summary>
    private static readonly HashSet<string> SchemaTables = new(StringComparer.Ordinal) { "__EFMigrationsHistory", "__EFMigrationsLock", "AspNetRoles" };

    private bool IsSqlite => db.Database.IsSqlite();

    private string ProviderName => IsSqlite ? "SQLite" : "PostgreSQL";

    public async Task<BackupResult> BackUpAsync(string file, CancellationToken cancellationToken = default)
    {
        var path = Path.GetFullPath(file);
        if (File.Exists(path))
        {
            return BackupResult.Refused($"Filen {path} finns redan. Välj ett nytt namn: en säkerhetskopia skrivs aldrig över.");
        }

        if (!await db.GetService<IRelationalDatabaseCreator>().ExistsAsync(cancellationToken))
        {
            return BackupResult.Refused("Databasen finns inte, så det finns inget att säkerhetskopiera.");
        }

        var schema = (await db.Database.GetAppliedMigrationsAsync(cancellationToken)).LastOrDefault() ?? "utan migreringar";
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);

        // Written under another name and renamed when whole, so that a file with the chosen name is never half a backup.
        var partial = path + ".delvis";
        try
        {
            var error = IsSqlite ? await BackUpSqliteAsync(partial, cancellationToken) : await BackUpPostgresAsync(partial, cancellationToken);
            if (error is not null)
            {
                return BackupResult.Refused(error);
            }

            File.Move(partial, path);
        }
        finally
        {
            File.Delete(partial);
        }

        var size = string.Create(Swedish, $"{new FileInfo(path).Length / 1048576.0:N1} MB");
        return BackupResult.Done($"Säkerhetskopian av {ProviderName}-databasen är skriven: {path} ({size}, schema {schema}).");
    }

    public async Task<BackupResult> RestoreAsync(string file, bool force, CancellationToken cancellationToken = default)
    {
        var path = Path.GetFullPath(file);
        if (!File.Exists(path))
        {
            return BackupResult.Refused($"Filen {path} finns inte.");
        }

        var madeBy = MadeBy(path);
        if (madeBy is null)
        {
            return BackupResult.Refused($"{path} är ingen säkerhetskopia av Trygg: filen är varken en SQLite-databas eller en pg_dump-fil.");
        }

        if (madeBy != ProviderName)
        {
            return BackupResult.Refused($"{path} är en säkerhetskopia av en {madeBy}-databas, men Trygg använder {ProviderName}. Återställ den i samma slags databas.");
        }

        var (migrations, unreadable) = IsSqlite ? ReadSqliteMigrations(path) : await ReadPostgresMigrationsAsync(path, cancellationToken);
        if (unreadable is not null)
        {
            return BackupResult.Refused(unreadable);
        }

        if (migrations.Count == 0)
        {
            return BackupResult.Refused($"{path} är ingen Trygg-databas: den saknar Tryggs migreringar.");
        }

        var known = db.Database.GetMigrations().ToHashSet(StringComparer.Ordinal);
        if (migrations.FirstOrDefault(m => !known.Contains(m)) is { } unknown)
        {
            return BackupResult.Refused($"Säkerhetskopian är gjord av en nyare version av Trygg (migreringen {unknown} är okänd här). Uppdatera Trygg och försök igen.");
        }

        var creator = db.GetService<IRelationalDatabaseCreator>();
        if (!await creator.ExistsAsync(cancellationToken))
        {
            await creator.CreateAsync(cancellationToken);
        }

        var (hasTables, withData) = await ContentsAsync(cancellationToken);
        if (withData.Count > 0 && !force)
        {
            return BackupResult.Refused(
                $"Databasen innehåller redan uppgifter (i {string.Join(", ", withData.Take(5))}{(withData.Count > 5 ? " …" : "")}). " +
                "Återställ till en tom databas, eller ange --force för att ersätta allt som finns i den.");
        }

        var failed = IsSqlite ? await RestoreSqliteAsync(path, cancellationToken) : await RestorePostgresAsync(path, hasTables, cancellationToken);
        if (failed is not null)
        {
            return BackupResult.Refused(failed);
        }

        var applied = await seeder.MigrateAsync(cancellationToken);
        var updated = applied.Count == 0 ? "" : $", uppdaterad med {applied.Count} nyare migreringar";
        return BackupResult.Done(
            $"Databasen är återställd från {path} (schema {migrations[^1]}{updated}). Starta om webbservern så att den läser in de återställda uppgifterna.");
    }

    /// <summary>"SQLite" or "PostgreSQL" by the file's first bytes, or null when it is neither a SQLite database nor a pg_dump archive.</summary>
    private static string? MadeBy(string path)
    {
        var head = new byte[SqliteHeader.Length];
        using (var stream = File.OpenRead(path))
        {
            stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        }

        return head.AsSpan().SequenceEqual(SqliteHeader) ? "SQLite"
            : head.AsSpan().StartsWith(PgDumpHeader) ? "PostgreSQL"
            : null;
    }

    private async Task<string?> BackUpSqliteAsync(string partial, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            using var destination = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = partial, Pooling = false }.ToString());
            destination.Open();
            ((SqliteConnection)db.Database.GetDbConnection()).BackupDatabase(destination);

            // The copy keeps the live database's write-ahead log mode; a backup should be one file that opens anywhere.
            using var command = destination.CreateCommand();
            command.CommandText = "PRAGMA journal_mode = DELETE";
            command.ExecuteNonQuery();
            command.CommandText = "PRAGMA quick_check";
            var check = command.ExecuteScalar() as string;
            return check == "ok" ? null : $"Kopian klarade inte SQLites kontroll: {check}";
        }
        catch (SqliteException e)
        {
            return $"Säkerhetskopian kunde inte skrivas: {e.Message}";
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private async Task<string?> BackUpPostgresAsync(string partial, CancellationToken cancellationToken)
    {
        if (BackupPostgresTools.Find("pg_dump") is not { } pgDump)
        {
            return BackupPostgresTools.Missing("pg_dump");
        }

        var (exitCode, _, errors) = await BackupPostgresTools.RunAsync(
            pgDump, db.Database.GetConnectionString()!, ["--format=custom", "--no-owner", "--no-privileges", $"--file={partial}"], cancellationToken);
        return exitCode == 0 ? null : $"pg_dump misslyckades: {errors.Trim()}";
    }

    private static (List<string> Migrations, string? Error) ReadSqliteMigrations(string path)
    {
        try
        {
            using var backup = OpenBackup(path);
            using var command = backup.CreateCommand();
            command.CommandText = "SELECT \"MigrationId\" FROM \"__EFMigrationsHistory\" ORDER BY \"MigrationId\"";
            using var reader = command.ExecuteReader();
            var migrations = new List<string>();
            while (reader.Read())
            {
                migrations.Add(reader.GetString(0));
            }

            return (migrations, null);
        }
        catch (SqliteException e)
        {
            return ([], $"{path} kan inte läsas som en Trygg-databas: {e.Message}");
        }
    }

    private async Task<(List<string> Migrations, string? Error)> ReadPostgresMigrationsAsync(string path, CancellationToken cancellationToken)
    {
        if (BackupPostgresTools.Find("pg_restore") is not { } pgRestore)
        {
            return ([], BackupPostgresTools.Missing("pg_restore"));
        }

        // The history table's rows as pg_restore would load them: a COPY block of tab-separated lines ending with "\.".
        var (exitCode, output, errors) = await BackupPostgresTools.RunAsync(
            pgRestore, db.Database.GetConnectionString()!, ["--data-only", "--table=__EFMigrationsHistory", "--file=-", path], cancellationToken);
        if (exitCode != 0)
        {
            return ([], $"{path} kan inte läsas av pg_restore: {errors.Trim()}");
        }

        var rows = output.Split('\n')
            .SkipWhile(line => !(line.StartsWith("COPY ", StringComparison.Ordinal) && line.Contains("__EFMigrationsHistory", StringComparison.Ordinal)))
            .Skip(1)
            .TakeWhile(line => line != "\\.");
        return (rows.Select(line => line.Split('\t')[0]).Order(StringComparer.Ordinal).ToList(), null);
    }

    /// <summary>Whether the database has any tables, and which of them hold data beyond what migrating creates.</summary>
    private async Task<(bool HasTables, List<string> WithData)> ContentsAsync(CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            var connection = db.Database.GetDbConnection();
            var tables = new List<string>();
            await using (var list = connection.CreateCommand())
            {
                list.CommandText = IsSqlite
                    ? "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
                    : "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'";
                await using var reader = await list.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                {
                    tables.Add(reader.GetString(0));
                }
            }

            var withData = new List<string>();
            foreach (var table in tables.Where(t => !SchemaTables.Contains(t)).Order(StringComparer.Ordinal))
            {
                await using var any = connection.CreateCommand();
#pragma warning disable CA2100 // The table names come from the database's own catalogue, quoted.
                any.CommandText = $"SELECT COUNT(*) FROM (SELECT 1 FROM \"{table.Replace("\"", "\"\"", StringComparison.Ordinal)}\" LIMIT 1) AS t";
#pragma warning restore CA2100
                if (Convert.ToInt64(await any.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture) > 0)
                {
                    withData.Add(table);
                }
            }

            return (tables.Count > 0, withData);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private async Task<string?> RestoreSqliteAsync(string path, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            using var backup = OpenBackup(path);

            // The backup API replaces the target's pages under an exclusive lock: other connections see the old or the restored database.
            backup.BackupDatabase((SqliteConnection)db.Database.GetDbConnection());
            return null;
        }
        catch (SqliteException e)
        {
            return $"Databasen kunde inte återställas: {e.Message}";
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
            SqliteConnection.ClearAllPools();
        }
    }

    private async Task<string?> RestorePostgresAsync(string path, bool hasTables, CancellationToken cancellationToken)
    {
        if (BackupPostgresTools.Find("pg_restore") is not { } pgRestore)
        {
            return BackupPostgresTools.Missing("pg_restore");
        }

        if (hasTables)
        {
            // Only an empty schema, or data the operator chose to replace with --force: pg_restore creates every table itself.
            await db.Database.ExecuteSqlRawAsync("DROP SCHEMA public CASCADE; CREATE SCHEMA public;", cancellationToken);
        }

        var connection = new Npgsql.NpgsqlConnectionStringBuilder(db.Database.GetConnectionString());
        var (exitCode, _, errors) = await BackupPostgresTools.RunAsync(
            pgRestore, connection.ConnectionString, ["--no-owner", "--no-privileges", "--exit-on-error", "--single-transaction", $"--dbname={connection.Database}", path], cancellationToken);
        Npgsql.NpgsqlConnection.ClearAllPools();
        return exitCode == 0 ? null : $"pg_restore misslyckades: {errors.Trim()}";
    }

    private static SqliteConnection OpenBackup(string path)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadWrite, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }
}

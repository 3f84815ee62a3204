using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Trygg.Geography;
using Trygg.Ingestion.Files;
using Trygg.Tests.Cli;

namespace Trygg.Tests.Operations;

/// <summary>
/// The importer is killed, as a power cut or an impatient operator would, while it writes a large file: the batch is one
/// transaction, so the database holds all of it or none, and running the import again completes it with exact counts.
/// </summary>
public sealed class CrashSafetyTests
{
    private const int Records = 60_000;
    private const string Source = "larmcentralen";
    private const string MappingName = "Larmcentralen";

    /// <summary>The write-ahead log of an idle database is a few pages; this much means the importer's transaction is being written.</summary>
    private const long WritingLogBytes = 4 * 1024 * 1024;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AnImportKilledWhileWritingLeavesAllOrNoneOfTheBatchAndRunningItAgainCompletesItExactly()
    {
        using var database = new TestDatabase();
        var file = Path.Combine(Path.GetTempPath(), "trygg-tests", $"larm-{Guid.NewGuid():N}.csv");
        try
        {
            await PrepareAsync(database, file);

            using (var importer = Process.Start(TryggCommand.StartInfo(database, "import", "incidents", file, "--mapping", MappingName))!)
            {
                var output = importer.StandardOutput.ReadToEndAsync(Token);
                var errors = importer.StandardError.ReadToEndAsync(Token);
                while (!await IsWritingIncidentsAsync(database))
                {
                    if (importer.HasExited)
                    {
                        Assert.Fail($"The import ended before it was seen writing: {await output} {await errors}");
                    }

                    await Task.Delay(20, Token);
                }

                importer.Kill(entireProcessTree: true);
                await importer.WaitForExitAsync(Token);
            }

            var left = await CountAsync(database);
            TestContext.Current.TestOutputHelper?.WriteLine($"Killed while writing; the database held {left} of {Records} incidents.");
            var rerun = await TryggCommand.RunAsync(database, "import", "incidents", file, "--mapping", MappingName);

            Assert.True(left is 0 or Records, $"The killed import left {left} of {Records} incidents.");
            Assert.True(rerun.ExitCode == 0, rerun.Output + rerun.Errors);
            Assert.Contains($"Lästa: {Records}  nya: {Records - left}  ändrade: 0  oförändrade: {left}  utanför kommunen: 0  avvisade: 0", rerun.Output);
            Assert.Equal(Records, await CountAsync(database));
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>Stockholm's areas, a saved mapping, and a file of incidents placed by their stadsdel's name.</summary>
    private static async Task PrepareAsync(TestDatabase database, string file)
    {
        List<string> neighbourhoods;
        await using (var app = TryggApp.On(database))
        {
            app.Settings["Trygg:LoadDemoData"] = "false";
            await using var scope = app.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<StockholmAreas>().LoadAsync(Path.Combine(SharedData.Directory, "stockholm"), Token);
            await scope.ServiceProvider.GetRequiredService<ImportMappings>().SaveAsync(
                MappingName, new IncidentFileMapping { Source = Source, Id = "id", Date = "datum", Type = "typ", AreaName = "stadsdel", Text = "text" }, Token);
            neighbourhoods = await scope.ServiceProvider.GetRequiredService<Trygg.Data.AppDbContext>().Areas
                .Where(a => a.Level == AreaLevel.Neighbourhood).Select(a => a.Name).OrderBy(n => n).ToListAsync(Token);
        }

        // With every connection closed SQLite folds its write-ahead log into the file, so a growing log is the import's.
        SqliteConnection.ClearAllPools();
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        var types = new[] { "Brand i byggnad", "Brand utomhus", "Skadegörelse", "Automatlarm" };
        var start = new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Unspecified);
        await using var writer = new StreamWriter(file, append: false, new UTF8Encoding(false));
        await writer.WriteLineAsync("id;datum;typ;stadsdel;text");
        for (var i = 0; i < Records; i++)
        {
            await writer.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"L{i:D6};{start.AddMinutes(i * 7):yyyy-MM-dd HH:mm};{types[i % types.Length]};{neighbourhoods[i % neighbourhoods.Count]};Larm från en byggnad vid torget, räddningstjänsten var på plats"));
        }
    }

    /// <summary>
    /// Whether the importer's transaction is being written: on SQLite its uncommitted pages spill into the write-ahead log; on
    /// PostgreSQL another session holds the lock that inserting into Incidents takes until it commits.
    /// </summary>
    private static async Task<bool> IsWritingIncidentsAsync(TestDatabase database)
    {
        if (database.Provider != "Postgres")
        {
            var log = new FileInfo(new SqliteConnectionStringBuilder(database.ConnectionString).DataSource + "-wal");
            return log.Exists && log.Length > WritingLogBytes;
        }

        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync(Token);
        await using var locks = new NpgsqlCommand(
            """
            SELECT COUNT(*) FROM pg_locks l JOIN pg_class c ON c.oid = l.relation
            WHERE c.relname = 'Incidents' AND l.mode = 'RowExclusiveLock' AND l.granted AND l.pid <> pg_backend_pid()
              AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
            """, connection);
        return (long)(await locks.ExecuteScalarAsync(Token))! > 0;
    }

    private static async Task<int> CountAsync(TestDatabase database)
    {
        await using var db = DatabaseContents.Open(database);
        return await db.Incidents.CountAsync(i => i.Source == Source, Token);
    }
}

using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Trygg.ActionPlans;
using Trygg.CitizenReports;
using Trygg.Data;
using Trygg.Security;
using Trygg.Tests.Cli;

namespace Trygg.Tests.Operations;

/// <summary>
/// `trygg backup` and `trygg restore` as an operator runs them, in their own process, on SQLite or (with TRYGG_TEST_DATABASE=postgres)
/// on PostgreSQL through pg_dump and pg_restore.
/// </summary>
public sealed class BackupTests
{
    private const string ResidentEmail = "boende@example.se";
    private const string AnalystEmail = "analytiker.backup@test.trygg.se";

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ABackupTakenWhileTheServerRunsRestoresIntoAnEmptyDatabaseWithEverythingInIt()
    {
        var backup = BackupPath();
        using var empty = new TestDatabase();
        try
        {
            await using var app = new TryggApp();
            await using (var scope = app.Services.CreateAsyncScope())
            {
                var (report, errors) = await scope.ServiceProvider.GetRequiredService<Trygg.CitizenReports.CitizenReports>().SubmitAsync(
                    new ReportSubmission("nedskrapning", 59.3884, 17.9287, Description: "Fulla papperskorgar vid torget", Email: ResidentEmail), cancellationToken: Token);
                Assert.Empty(errors);
                Assert.Empty((await scope.ServiceProvider.GetRequiredService<UserAccounts>().AddAsync(AnalystEmail, Roles.Analyst, TryggApp.UserPassword)).Errors);
            }

            var original = await SnapshotAsync(app.SeededDatabase);
            var backedUp = await TryggCommand.RunAsync(app.SeededDatabase, "backup", backup);
            var restored = await TryggCommand.RunAsync(empty, "restore", backup);

            Assert.True(backedUp.ExitCode == 0, backedUp.Errors);
            Assert.Contains("Säkerhetskopian av", backedUp.Output);
            Assert.True(restored.ExitCode == 0, restored.Errors);
            Assert.Contains("Databasen är återställd från", restored.Output);
            var copy = await SnapshotAsync(empty);
            Assert.Equal(original.Rows, copy.Rows);
            Assert.Equal(original.IncidentsPerSource, copy.IncidentsPerSource);
            Assert.Equal(original.PlanTrees, copy.PlanTrees);
            Assert.Equal(original.Areas, copy.Areas);
            Assert.Equal(original.Incidents, copy.Incidents);
            Assert.Equal(original.Users, copy.Users);
            Assert.Equal(ResidentEmail, copy.ResidentContact);
            Assert.Contains(original.Rows, table => table.Key == "Incidents" && table.Value > 4_000);
            Assert.Contains(original.Rows, table => table.Key == "Measures" && table.Value > 0);
        }
        finally
        {
            File.Delete(backup);
        }

        // The restored database serves: the analyst signs in with the password set before the backup.
        await using var restoredApp = TryggApp.On(empty);
        var client = restoredApp.CreateBrowserlikeClient();
        var signIn = await TryggApp.SignInAsync(client, AnalystEmail, TryggApp.UserPassword);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal("/", TryggApp.RedirectPath(signIn));
    }

    [Fact]
    public async Task ABackupTakenWhileImportsAreBeingRecordedHoldsOnlyWholeImports()
    {
        var backup = BackupPath();
        using var restored = new TestDatabase();
        try
        {
            await using var app = new TryggApp();
            app.Settings["Trygg:LoadDemoData"] = "false";
            var database = app.SeededDatabase;
            using var stop = new CancellationTokenSource();
            var recorded = 0;

            // Each import is written with its three refusals in one transaction: a consistent copy never holds a run without them.
            var writer = Task.Run(async () =>
            {
                while (!stop.IsCancellationRequested)
                {
                    await using var scope = app.Services.CreateAsyncScope();
                    var report = new Trygg.Ingestion.ImportReport
                    {
                        Read = 3,
                        RejectedCount = 3,
                        Rejected = [new(1, "Id saknas."), new(2, "Id saknas."), new(3, "Id saknas.")],
                    };
                    await scope.ServiceProvider.GetRequiredService<Trygg.Ingestion.ImportRuns>()
                        .RecordAsync(report, "samtidig", "fil", "samtidig.csv", "test", app.Time.GetUtcNow().UtcDateTime, cancellationToken: Token);
                    Interlocked.Increment(ref recorded);
                }
            }, Token);

            var backedUp = await TryggCommand.RunAsync(database, "backup", backup);
            var writtenDuringBackup = Volatile.Read(ref recorded);
            await stop.CancelAsync();
            await writer;
            var restore = await TryggCommand.RunAsync(restored, "restore", backup);

            Assert.True(backedUp.ExitCode == 0, backedUp.Errors);
            Assert.True(restore.ExitCode == 0, restore.Errors);
            await using var db = DatabaseContents.Open(restored);
            var runs = await db.ImportRuns.Where(r => r.Source == "samtidig").Select(r => r.Rejections.Count).ToListAsync(Token);
            Assert.True(writtenDuringBackup > 0);
            Assert.NotEmpty(runs);
            Assert.All(runs, rejections => Assert.Equal(3, rejections));
        }
        finally
        {
            File.Delete(backup);
        }
    }

    [Fact]
    public async Task RestoreRefusesADatabaseWithDataUnlessForcedAndFilesThatAreNotTryggBackups()
    {
        var backup = BackupPath();
        var notABackup = BackupPath();
        using var source = new TestDatabase();
        using var target = new TestDatabase();
        try
        {
            Assert.Equal(0, (await TryggCommand.RunAsync(source, "db", "migrate")).ExitCode);
            Assert.Equal(0, (await TryggCommand.RunAsync(source, "users", "add", AnalystEmail, "--role", Roles.Analyst)).ExitCode);
            Assert.Equal(0, (await TryggCommand.RunAsync(source, "backup", backup)).ExitCode);
            await File.WriteAllTextAsync(notABackup, "id;datum\n1;2026-01-01\n", Token);

            var again = await TryggCommand.RunAsync(source, "backup", backup);
            var garbage = await TryggCommand.RunAsync(target, "restore", notABackup);
            var first = await TryggCommand.RunAsync(target, "restore", backup);
            var second = await TryggCommand.RunAsync(target, "restore", backup);
            var forced = await TryggCommand.RunAsync(target, "restore", backup, "--force");

            Assert.Equal(1, again.ExitCode);
            Assert.Contains("finns redan. Välj ett nytt namn", again.Errors);
            Assert.Equal(1, garbage.ExitCode);
            Assert.Contains("är ingen säkerhetskopia av Trygg", garbage.Errors);
            Assert.True(first.ExitCode == 0, first.Errors);
            Assert.Equal(1, second.ExitCode);
            Assert.Contains("Databasen innehåller redan uppgifter (i AspNetUserRoles, AspNetUsers", second.Errors); // and the audit log of the first restore's users
            Assert.True(forced.ExitCode == 0, forced.Errors);
            await using var db = DatabaseContents.Open(target);
            Assert.Equal([AnalystEmail], await db.Users.Select(u => u.UserName!).Where(n => n != DatabaseSeeder.AdminUserName).ToListAsync(Token));
        }
        finally
        {
            File.Delete(backup);
            File.Delete(notABackup);
        }
    }

    [Fact]
    public async Task ABackupFromANewerVersionOfTryggIsNotRestored()
    {
        var backup = BackupPath();
        using var source = new TestDatabase();
        using var target = new TestDatabase();
        try
        {
            Assert.Equal(0, (await TryggCommand.RunAsync(source, "db", "migrate")).ExitCode);
            await using (var db = DatabaseContents.Open(source))
            {
                await db.Database.ExecuteSqlRawAsync("INSERT INTO \"__EFMigrationsHistory\" VALUES ('29991231000000_Future', '99.0.0')", Token);
            }

            Assert.Equal(0, (await TryggCommand.RunAsync(source, "backup", backup)).ExitCode);
            var restored = await TryggCommand.RunAsync(target, "restore", backup);

            Assert.Equal(1, restored.ExitCode);
            Assert.Contains("gjord av en nyare version av Trygg (migreringen 29991231000000_Future är okänd här)", restored.Errors);
            await using var empty = DatabaseContents.Open(target);
            Assert.Empty(await empty.Database.GetAppliedMigrationsAsync(Token));
        }
        finally
        {
            File.Delete(backup);
        }
    }

    private static string BackupPath()
    {
        var folder = Path.Combine(Path.GetTempPath(), "trygg-tests");
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, $"backup-{Guid.NewGuid():N}");
    }

    private static async Task<Snapshot> SnapshotAsync(TestDatabase database)
    {
        await using var db = DatabaseContents.Open(database);
        var plans = new Trygg.ActionPlans.ActionPlans(db, TimeProvider.System);
        var trees = new List<string>();
        foreach (var id in await db.ActionPlans.OrderBy(p => p.Id).Select(p => p.Id).ToListAsync(Token))
        {
            var (plan, problems) = (await plans.TreeAsync(id, Token))!.Value;
            trees.Add(PlanTree.Of(plan, problems).ToJson());
        }

        var perSource = await db.Incidents.GroupBy(i => i.Source).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(Token);
        var areas = await db.Areas.OrderBy(a => a.Code).Select(a => new { a.Code, a.Name, a.Geometry }).ToListAsync(Token);
        var incidents = await db.Incidents.OrderBy(i => i.Source).ThenBy(i => i.ExternalId).Take(200)
            .Select(i => new { i.ExternalId, i.OccurredAt, i.Title, i.Text, i.AreaId, i.Accuracy }).ToListAsync(Token);
        var users = await db.Users.OrderBy(u => u.UserName).Select(u => new { u.UserName, u.PasswordHash }).ToListAsync(Token);
        return new Snapshot(
            await DatabaseContents.RowCountsAsync(db, Token),
            string.Join(", ", perSource.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => $"{s.Key}: {s.Count}")),
            trees,
            areas.Select(a => $"{a.Code} {a.Name} {a.Geometry}").ToList(),
            incidents.Select(i => string.Create(CultureInfo.InvariantCulture, $"{i.ExternalId} {i.OccurredAt:O} {i.Title} {i.Text} {i.AreaId} {i.Accuracy}")).ToList(),
            users.Select(u => $"{u.UserName} {u.PasswordHash}").ToList(),
            await db.ReportContacts.Select(c => c.Email).SingleOrDefaultAsync(Token));
    }

    private sealed record Snapshot(
        SortedDictionary<string, long> Rows, string IncidentsPerSource, List<string> PlanTrees, List<string> Areas, List<string> Incidents, List<string> Users, string? ResidentContact);
}

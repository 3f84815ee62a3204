using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Trygg.ActionPlans;
using Trygg.Audit;
using Trygg.Data;
using Trygg.Problems;
using Trygg.Security;

namespace Trygg.Tests.Audit;

[Collection(DemoApp.Name)]
public sealed class AuditLogTests(TryggApp app)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task EditingAMeasureOnItsPageLogsTheEditorAndOnlyTheChangedFieldsBeforeAndAfter()
    {
        var (planId, measureId) = await NewMeasureAsync("Belysning i gångtunneln");
        using var client = await app.SignedInClientAsync(Roles.Coordinator);
        var path = $"/plans/{planId}/measures/{measureId}";
        var page = await client.GetStringAsync(path, Token);

        var fields = FormFields.Of(page, "edit-measure").With("Measure.StaffHours", "40");
        var response = await client.PostAsync(path, new FormUrlEncodedContent(fields), Token);

        Assert.Contains("Åtgärden är sparad.", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Token)), StringComparison.Ordinal);
        var entry = Assert.Single(await EntriesAsync("Measure", measureId, AuditAction.Updated));
        Assert.Equal("samordnare@test.trygg.se", entry.UserName);
        var before = JsonDocument.Parse(entry.Before!).RootElement;
        var after = JsonDocument.Parse(entry.After!).RootElement;
        Assert.Equal((10, 40), (before.GetProperty("StaffHours").GetInt32(), after.GetProperty("StaffHours").GetInt32()));
        Assert.False(before.TryGetProperty("Title", out _), "Titeln ändrades inte och ska inte stå i loggen.");
        Assert.Equal(before.EnumerateObject().Select(p => p.Name), after.EnumerateObject().Select(p => p.Name));
        Assert.DoesNotContain(await EntriesAsync("MeasureCause", null, null, $"{measureId},"), e => e.UserName != AuditActor.System);
    }

    [Fact]
    public async Task ANewMeasureIsLoggedWithAllItsFieldsAndItsNewKey()
    {
        var (_, measureId) = await NewMeasureAsync("Nattvandring vid centrum");

        var entry = Assert.Single(await EntriesAsync("Measure", measureId, AuditAction.Created));

        Assert.Null(entry.Before);
        var after = JsonDocument.Parse(entry.After!).RootElement;
        Assert.Equal(measureId, after.GetProperty("Id").GetInt32());
        Assert.Equal("Nattvandring vid centrum", after.GetProperty("Title").GetString());
        Assert.Equal("Situational", after.GetProperty("Kind").GetString());
        Assert.Equal(AuditActor.System, entry.UserName);
    }

    [Fact]
    public async Task ANewUserIsLoggedWithItsRoleButNeverItsPasswordHashOrSecurityStamp()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<UserAccounts>().AddAsync("revisor.audit@test.trygg.se", Roles.Reader, "Revisor-Test-Passw0rd!");
        Assert.Empty(result.Errors);
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var user = await db.Users.AsNoTracking().SingleAsync(u => u.UserName == "revisor.audit@test.trygg.se", Token);

        var created = Assert.Single(await EntriesAsync("TryggUser", null, AuditAction.Created, user.Id));
        var after = JsonDocument.Parse(created.After!).RootElement;
        Assert.Equal("revisor.audit@test.trygg.se", after.GetProperty("UserName").GetString());
        Assert.Equal(AuditRules.Hidden, after.GetProperty("PasswordHash").GetString());
        Assert.Equal(AuditRules.Hidden, after.GetProperty("SecurityStamp").GetString());
        Assert.DoesNotContain(user.PasswordHash!, created.After!, StringComparison.Ordinal);
        Assert.DoesNotContain(user.SecurityStamp!, created.After!, StringComparison.Ordinal);
        var role = Assert.Single(await EntriesAsync("IdentityUserRole", null, AuditAction.Created, $"{user.Id},"));
        Assert.Contains(user.Id, role.After!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ThePoliceArchiveImportIsOneEntryWithItsCountsAndNoIncidentIsLoggedOneByOne()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var run = await db.ImportRuns.AsNoTracking().SingleAsync(r => r.UserName == "demodata" && r.Source == "polisen", Token);

        var entry = Assert.Single(await EntriesAsync("ImportRun", run.Id, null));

        Assert.Equal((AuditAction.Created, AuditActor.System), (entry.Action, entry.UserName));
        var after = JsonDocument.Parse(entry.After!).RootElement;
        Assert.True(run.Inserted > 1000, $"Arkivet har {run.Inserted} händelser.");
        Assert.Equal(run.Inserted, after.GetProperty("Inserted").GetInt32());
        Assert.Equal(run.RejectedCount, after.GetProperty("RejectedCount").GetInt32());
        Assert.False(await db.AuditEntries.AnyAsync(e => e.Entity == "Incident" || e.Entity == "ImportRejection" || e.Entity == "DataVersion", Token));
    }

    [Fact]
    public async Task TheDemoPlanIsSeededAsOneSystemEntryWithItsCountsInsteadOfAnEntryPerRecord()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var demoPlanId = await db.ActionPlans.Where(p => p.Title == DemoPlan.Title).Select(p => p.Id).SingleAsync(Token);

        var batch = Assert.Single(await EntriesAsync("Batch", null, null, "Exempelplan"));

        Assert.Equal(AuditActor.System, batch.UserName);
        var counts = JsonDocument.Parse(batch.After!).RootElement;
        Assert.Equal(1, counts.GetProperty("ActionPlan").GetProperty(AuditAction.Created).GetInt32());
        Assert.True(counts.GetProperty("Measure").GetProperty(AuditAction.Created).GetInt32() >= 3);
        Assert.Empty(await EntriesAsync("ActionPlan", demoPlanId, AuditAction.Created));
    }

    [Fact]
    public async Task AnAuditEntryCannotBeChangedOrDeletedThroughTheProduct()
    {
        var (_, measureId) = await NewMeasureAsync("Trygghetsvärdar på perrongen");
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var entry = await db.AuditEntries.SingleAsync(e => e.Entity == "Measure" && e.EntityKey == measureId.ToString(CultureInfo.InvariantCulture), Token);

        entry.UserName = "någon annan";
        await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync(Token));
        db.ChangeTracker.Clear();
        db.AuditEntries.Remove(entry);
        await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync(Token));
        db.ChangeTracker.Clear();
        await Assert.ThrowsAsync<InvalidOperationException>(() => db.AuditEntries.Where(e => e.Id == entry.Id).ExecuteDeleteAsync(Token));
        await Assert.ThrowsAsync<InvalidOperationException>(() => db.AuditEntries.Where(e => e.Id == entry.Id).ExecuteUpdateAsync(s => s.SetProperty(e => e.After, "{}"), Token));

        var stored = await db.AuditEntries.AsNoTracking().SingleAsync(e => e.Id == entry.Id, Token);
        Assert.Equal((AuditActor.System, entry.After), (stored.UserName, stored.After));
    }

    [Fact]
    public async Task AChangeRolledBackByItsTransactionLeavesNoEntryBehind()
    {
        var (_, measureId) = await NewMeasureAsync("Klotterplank på skolgården");
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();

        await using (var transaction = await db.Database.BeginTransactionAsync(Token))
        {
            var measure = await db.Measures.SingleAsync(m => m.Id == measureId, Token);
            measure.StaffHours = 99;
            await db.SaveChangesAsync(Token);
            await transaction.RollbackAsync(Token);
        }

        Assert.Empty(await EntriesAsync("Measure", measureId, AuditAction.Updated));
        Assert.Equal(10, await db.Measures.Where(m => m.Id == measureId).Select(m => m.StaffHours).SingleAsync(Token));
    }

    [Fact]
    public async Task TheAdministratorSearchesTheLogByTypeKeyActionUserAndDate()
    {
        var (planId, measureId) = await NewMeasureAsync("Städning av parken");
        using var coordinator = await app.SignedInClientAsync(Roles.Coordinator);
        var path = $"/plans/{planId}/measures/{measureId}";
        await coordinator.PostAsync(path, new FormUrlEncodedContent(FormFields.Of(await coordinator.GetStringAsync(path, Token), "edit-measure").With("Measure.Partners", "Bostadsbolaget")), Token);
        using var admin = await app.SignedInClientAsync(Roles.Administrator);

        var byKey = WebUtility.HtmlDecode(await admin.GetStringAsync($"/audit?entity=Measure&key={measureId}", Token));
        var updatesOnly = WebUtility.HtmlDecode(await admin.GetStringAsync($"/audit?entity=Measure&key={measureId}&action=Updated&user=samordnare%40test.trygg.se&from=2026-11-23&to=2026-11-23", Token));
        var otherDay = WebUtility.HtmlDecode(await admin.GetStringAsync($"/audit?entity=Measure&key={measureId}&to=2026-11-22", Token));
        var badDate = WebUtility.HtmlDecode(await admin.GetStringAsync("/audit?from=23/11/2026", Token));

        Assert.Contains("2 poster", byKey, StringComparison.Ordinal);
        Assert.Contains("1 post<", updatesOnly, StringComparison.Ordinal);
        Assert.Contains("Bostadsbolaget", updatesOnly, StringComparison.Ordinal);
        Assert.Contains("samordnare@test.trygg.se", updatesOnly, StringComparison.Ordinal);
        Assert.Contains("0 poster", otherDay, StringComparison.Ordinal);
        Assert.Contains("Datumet '23/11/2026' kan inte tolkas", badDate, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AResidentsReportIsLoggedOnlyWhenModeratedAndTheirContactDetailsNeverReachTheLog()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var reports = scope.ServiceProvider.GetRequiredService<Trygg.CitizenReports.CitizenReports>();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var (report, errors) = await reports.SubmitAsync(new Trygg.CitizenReports.ReportSubmission("nedskrapning", 59.3884, 17.9287,
            Description: "Sopor vid lekplatsen", FirstName: "Stina", Email: "stina.boende@example.se", Phone: "0701234567"), cancellationToken: Token);
        Assert.Empty(errors);

        Assert.Empty(await reports.ModerateAsync(report!.Id, report.Revision, new Trygg.CitizenReports.Moderation(Trygg.CitizenReports.ReportStatus.InProgress), "moderator", Token));
        var contact = await db.ReportContacts.SingleAsync(c => c.ReportId == report.Id, Token);
        contact.Email = "stina.ny@example.se";
        await db.SaveChangesAsync(Token);

        var moderated = Assert.Single(await EntriesAsync("CitizenReport", report.Id, null));
        Assert.Equal(AuditAction.Updated, moderated.Action);
        Assert.Equal(("Received", "InProgress"), (JsonDocument.Parse(moderated.Before!).RootElement.GetProperty("Status").GetString(), JsonDocument.Parse(moderated.After!).RootElement.GetProperty("Status").GetString()));
        var corrected = Assert.Single(await EntriesAsync("ReportContact", report.Id, null));
        Assert.Equal($"{{\"Email\":\"{AuditRules.Hidden}\"}}", corrected.After);
        var everything = string.Join('\n', (await db.AuditEntries.AsNoTracking().Select(e => e.Before + e.After).ToListAsync(Token)));
        Assert.DoesNotContain("stina", everything, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("0701234567", everything, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EveryEntityTheLogRecordsHasASwedishNameOnThePage()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();

        var unnamed = db.Model.GetEntityTypes().Where(t => AuditRules.IsRecorded(t.ClrType)).Select(AuditInterceptor.EntityName)
            .Where(name => !AuditEntityNames.Has(name)).ToList();

        Assert.Empty(unnamed);
    }

    public static TheoryData<string> AllRoles => new(Roles.All);

    [Theory]
    [MemberData(nameof(AllRoles))]
    public async Task OnlyTheAdministratorReadsTheLogAndSeesItInTheMenu(string role)
    {
        using var client = await app.SignedInClientAsync(role);

        var page = await client.GetAsync("/audit", Token);
        var export = await client.GetAsync("/api/audit.csv", Token);
        var overview = await client.GetStringAsync("/", Token);

        if (role == Roles.Administrator)
        {
            Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (page.StatusCode, export.StatusCode));
            Assert.Contains("href=\"/audit\"", overview, StringComparison.Ordinal);
        }
        else
        {
            Assert.Equal("/access-denied", TryggApp.RedirectPath(page));
            Assert.Equal(HttpStatusCode.Forbidden, export.StatusCode);
            Assert.DoesNotContain("href=\"/audit\"", overview, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task AnonymousVisitorsAreSentToTheLoginPageAndTheExportAnswers401()
    {
        using var anonymous = app.CreateBrowserlikeClient();

        Assert.Equal("/login", TryggApp.RedirectPath(await anonymous.GetAsync("/audit", Token)));
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/audit.csv", Token)).StatusCode);
    }

    [Fact]
    public async Task TheCsvExportHasTheSameFiltersASwedishHeaderAndABomForExcel()
    {
        var (planId, measureId) = await NewMeasureAsync("Trygghetskameror vid busshållplatsen");
        using var coordinator = await app.SignedInClientAsync(Roles.Coordinator);
        var path = $"/plans/{planId}/measures/{measureId}";
        await coordinator.PostAsync(path, new FormUrlEncodedContent(FormFields.Of(await coordinator.GetStringAsync(path, Token), "edit-measure").With("Measure.Budget", "12500.5")), Token);
        using var admin = await app.SignedInClientAsync(Roles.Administrator);

        var response = await admin.GetAsync($"/api/audit.csv?entity=Measure&key={measureId}", Token);
        var bytes = await response.Content.ReadAsByteArrayAsync(Token);
        var bad = await admin.GetAsync("/api/audit.csv?action=Raderad", Token);

        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("tid;användare;från;händelse;typ;nyckel;före;efter", lines[0]);
        Assert.Equal(3, lines.Length);
        Assert.Matches("^\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2};\"samordnare@test.trygg.se\";", lines[1]);
        Assert.Contains(";Ändrad;\"Measure\";", lines[1], StringComparison.Ordinal);
        Assert.Contains("\"\"BudgetSek\"\":12500.5", lines[1], StringComparison.Ordinal);
        Assert.Contains(";Skapad;\"Measure\";", lines[2], StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("Okänd händelse", await bad.Content.ReadAsStringAsync(Token), StringComparison.Ordinal);
    }

    /// <summary>A plan of its own with one measure (10 staff hours) addressing one cause, created outside any request, so by "system".</summary>
    private async Task<(int PlanId, int MeasureId)> NewMeasureAsync(string title)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var problems = scope.ServiceProvider.GetRequiredService<ProblemWork>();
        var plans = scope.ServiceProvider.GetRequiredService<Trygg.ActionPlans.ActionPlans>();
        var (problem, _) = await problems.CreateProblemAsync(new ProblemInput($"Otrygghet: {title}"), "test", Token);
        var (cause, _) = await problems.AddCauseAsync(problem!.Id, new CauseInput("Dålig belysning", CauseSide.Place), Token);
        var (plan, planErrors) = await plans.CreatePlanAsync($"Plan: {title}", null, [problem.Id], Token);
        Assert.Empty(planErrors);
        var (measure, errors) = await plans.SaveMeasureAsync(plan!.Id, null, null,
            new MeasureInput(title, new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31), [cause!.Id], StaffHours: 10), Token);
        Assert.Empty(errors);
        return (plan.Id, measure!.Id);
    }

    private async Task<List<AuditEntry>> EntriesAsync(string entity, long? key, string? action, string? keyPrefix = null)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var entries = db.AuditEntries.AsNoTracking().Where(e => e.Entity == entity);
        if (key is { } id)
        {
            var text = id.ToString(CultureInfo.InvariantCulture);
            entries = entries.Where(e => e.EntityKey == text);
        }

        if (keyPrefix is not null)
        {
            entries = entries.Where(e => e.EntityKey.StartsWith(keyPrefix));
        }

        if (action is not null)
        {
            entries = entries.Where(e => e.Action == action);
        }

        return await entries.OrderBy(e => e.Id).ToListAsync(Token);
    }
}

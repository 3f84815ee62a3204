using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Trygg.Data;
using Trygg.Security;
using Trygg.Web.Security;

namespace Trygg.Tests.Security;

/// <summary>
/// The access matrix against the real host's routing table: every route has a line, and every route answers a visitor who has not
/// signed in and every role as its line says. Taking a line or a role away is noticed. The host is this class's own, since the
/// probe adds a lägesbild, a walk and a resident's report that the demo app's tests must not count.
/// </summary>
public sealed class AccessMatrixTests(TryggApp app) : IClassFixture<TryggApp>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public void EveryRouteOfTheAppHasALineInTheAccessMatrix()
    {
        var table = RoutingTable.Of(app.Services);

        Assert.True(table.Routes.Count > 100, $"Bara {table.Routes.Count} rutter i routingtabellen.");
        var missing = table.Missing(AccessMatrix.Rules);
        var stale = table.Stale(AccessMatrix.Rules);

        Assert.True(missing.Count == 0, "Rutter utan rad i AccessMatrix (stängda för alla tills de får en):\n" + string.Join("\n", missing));
        Assert.True(stale.Count == 0, "Rader i AccessMatrix för rutter som inte finns:\n" + string.Join("\n", stale));
    }

    [Fact]
    public async Task EveryRouteAnswersAnonymousVisitorsAndEveryRoleAsTheMatrixSays()
    {
        var table = RoutingTable.Of(app.Services);
        var probe = new AccessProbe(app, await RouteSamples.LoadAsync(app.Services, Token));

        var answers = await probe.CallAsync(table.Routes, table.StaticAssetExample, Token);

        Assert.Equal(table.Routes.Count * AccessProbe.Identities.Count, answers.Count);
        var mismatches = AccessProbe.Mismatches(AccessMatrix.Rules, answers);
        Assert.True(mismatches.Count == 0, $"{mismatches.Count} svar som inte stämmer med AccessMatrix:\n" + string.Join("\n", mismatches));
    }

    [Fact]
    public void ARouteLeftOutOfTheMatrixIsNamedByTheCoverageCheck()
    {
        var table = RoutingTable.Of(app.Services);
        var line = AccessMatrix.Rules.Single(r => r is { Method: "POST", Route: "/plans/{Id:int}" });

        var missing = table.Missing(AccessMatrix.Rules.Where(r => r != line));

        Assert.Equal(["POST /plans/{Id:int}"], missing);
    }

    [Theory]
    [InlineData("GET", "/api/plans", Roles.Reader)]
    [InlineData("POST", "/reports/{Id:int}", Roles.Analyst)]
    [InlineData("GET", "/data", Roles.Coordinator)]
    public async Task ARoleTakenOffALineIsReportedBecauseThatRoleStillGetsIn(string method, string route, string role)
    {
        var table = RoutingTable.Of(app.Services);
        var probe = new AccessProbe(app, await RouteSamples.LoadAsync(app.Services, Token));
        var copy = AccessMatrix.Rules.Select(r => r.Method == method && r.Route == route ? r with { Who = Who.Only([.. r.Who.Roles!.Where(named => named != role)]) } : r).ToList();

        var answers = await probe.CallAsync([(method, route)], table.StaticAssetExample, Token);

        Assert.Empty(AccessProbe.Mismatches(AccessMatrix.Rules, answers));
        var mismatch = Assert.Single(AccessProbe.Mismatches(copy, answers));
        Assert.Contains($"som {role}", mismatch, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AReaderOfTheResponsibleOrganisationSeesNoFollowUpFormAndCannotPostOne()
    {
        int planId, measureId, updatesBefore;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var measure = await db.Measures.AsNoTracking().Where(m => m.ResponsibleOrganisationId != null).OrderBy(m => m.Id)
                .Select(m => new { m.Id, m.ActionPlanId, Organisation = m.ResponsibleOrganisationId!.Value }).FirstAsync(Token);
            (planId, measureId) = (measure.ActionPlanId, measure.Id);
            updatesBefore = await db.MeasureUpdates.CountAsync(u => u.MeasureId == measureId, Token);
            var added = await scope.ServiceProvider.GetRequiredService<UserAccounts>()
                .AddAsync("lasare-ansvarig@test.trygg.se", Roles.Reader, TryggApp.UserPassword, measure.Organisation);
            Assert.Empty(added.Errors);
        }

        using var reader = app.CreateBrowserlikeClient();
        await TryggApp.SignInAsync(reader, "lasare-ansvarig@test.trygg.se", TryggApp.UserPassword);
        var page = await reader.GetStringAsync($"/plans/{planId}", Token);
        var response = await reader.PostAsync($"/plans/{planId}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = $"report-{measureId}", ["Input.Tertial"] = "2026-T3", ["Input.Status"] = "Ongoing", ["Input.Comment"] = "Läsaren försöker.",
            ["__RequestVerificationToken"] = TryggApp.AntiforgeryToken(page),
        }), Token);

        Assert.DoesNotContain($"report-{measureId}", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/access-denied", TryggApp.RedirectPath(response));
        await using (var scope = app.Services.CreateAsyncScope())
        {
            Assert.Equal(updatesBefore, await scope.ServiceProvider.GetRequiredService<AppDbContext>().MeasureUpdates.CountAsync(u => u.MeasureId == measureId, Token));
        }
    }

    [Fact]
    public async Task AReaderOfASectionsOrganisationReadsTheSectionButCannotRewriteIt()
    {
        await RouteSamples.LoadAsync(app.Services, Token); // makes sure a lägesbild exists
        int reportId;
        string key, textBefore;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var section = await db.SituationReportSections.AsNoTracking().Where(s => s.OrganisationId != null).OrderBy(s => s.Id)
                .Select(s => new { s.ReportId, s.Key, s.Text, Organisation = s.OrganisationId!.Value }).FirstAsync(Token);
            (reportId, key, textBefore) = (section.ReportId, section.Key, section.Text);
            var added = await scope.ServiceProvider.GetRequiredService<UserAccounts>()
                .AddAsync("lasare-avsnitt@test.trygg.se", Roles.Reader, TryggApp.UserPassword, section.Organisation);
            Assert.Empty(added.Errors);
        }

        using var client = app.CreateBrowserlikeClient();
        await TryggApp.SignInAsync(client, "lasare-avsnitt@test.trygg.se", TryggApp.UserPassword);
        var reportPage = await client.GetStringAsync($"/reports/{reportId}", Token);
        var page = await client.GetStringAsync($"/reports/{reportId}/sections/{key}", Token);
        var response = await client.PostAsync($"/reports/{reportId}/sections/{key}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "section", ["Input.Text"] = "Läsarens egen text.", ["__RequestVerificationToken"] = TryggApp.AntiforgeryToken(page),
        }), Token);

        Assert.DoesNotContain($"href=\"/reports/{reportId}/sections/{key}\"", reportPage, StringComparison.Ordinal);
        Assert.Contains("du kan läsa det men inte ändra det", page, StringComparison.Ordinal);
        Assert.Equal("/access-denied", TryggApp.RedirectPath(response));
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var after = await scope.ServiceProvider.GetRequiredService<AppDbContext>().SituationReportSections.AsNoTracking()
                .SingleAsync(s => s.ReportId == reportId && s.Key == key, Token);
            Assert.Equal(textBefore, after.Text);
        }
    }
}

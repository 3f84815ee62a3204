using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Trygg.ActionPlans;
using Trygg.Collaboration;
using Trygg.Data;

namespace Trygg.Tests.Collaboration;

/// <summary>Each item of law 2023:196's checklist turns green only on its evidence. The test owns its host, since it changes what the demo holds.</summary>
public sealed class ComplianceTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task EachItemOfTheLawsChecklistTurnsGreenOnlyWhenTryggHoldsItsEvidence()
    {
        await using var app = new TryggApp();
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var compliance = services.GetRequiredService<Compliance>();
        var db = services.GetRequiredService<AppDbContext>();

        // The demo: an adopted plan and the police agreement, an analysed problem; no lägesbild of the city, no coordinator, no follow-up in 2026.
        var demo = (await compliance.CheckAsync(2026, Token)).ToDictionary(i => i.Key);
        Assert.Equal(
            [(ComplianceKey.SituationReport, false), (ComplianceKey.RootCauseAnalyses, true), (ComplianceKey.Plan, true), (ComplianceKey.FollowUp, false),
             (ComplianceKey.Coordinator, false), (ComplianceKey.Agreement, true)],
            demo.Values.Select(i => (i.Key, i.Green)));
        Assert.StartsWith("Ingen skriftlig samverkansöverenskommelse med polisen gäller under 2023", (await compliance.CheckAsync(2023, Token)).Single(i => i.Key == ComplianceKey.Agreement).Evidence, StringComparison.Ordinal);
        Assert.Contains("uppföljningar saknas", demo[ComplianceKey.FollowUp].Evidence, StringComparison.Ordinal);

        // A coordinator without a name is no coordinating function; with one it is.
        var board = await db.Organisations.SingleAsync(o => o.Name == "Kommunstyrelsen", Token);
        var governance = services.GetRequiredService<Governance>();
        var unnamed = await governance.UpdateOrganisationAsync(board.Id, new OrganisationInput(board.Kind, null, " ", "Trygghetsdirektör", "", true, new Dictionary<int, string>()), Token);
        Assert.Equal("Den samordnande funktionen behöver en namngiven samordnare.", unnamed["coordinatorName"]);
        Assert.Empty(await governance.UpdateOrganisationAsync(board.Id, new OrganisationInput(board.Kind, null, "Kim Exempel", "Trygghetsdirektör", "kim.exempel@stockholm.se", true, new Dictionary<int, string>()), Token));

        // A municipal lägesbild adopted in 2026.
        var reports = services.GetRequiredService<Trygg.SituationReports.SituationReports>();
        var (report, reportErrors) = await reports.CreateAsync(new Trygg.SituationReports.NewReport(["0180"], "2026-T1"), "samordnare", Token);
        Assert.Empty(reportErrors);
        Assert.Empty(await reports.AdoptAsync(report!, "Kommunfullmäktige", new DateOnly(2026, 6, 8), "KS 2026/77", "samordnare", Token));

        // Follow-up of every measure still running in 2026-T1 and 2026-T2.
        var plans = services.GetRequiredService<Trygg.ActionPlans.ActionPlans>();
        foreach (var measure in await db.Measures.AsNoTracking().Where(m => m.End >= new DateOnly(2026, 1, 1)).ToListAsync(Token))
        {
            Assert.Empty(await plans.ReportAsync(measure.Id, "2026-T1", MeasureStatus.Ongoing, "Pågår.", "samordnare", Token));
            Assert.Empty(await plans.ReportAsync(measure.Id, "2026-T2", MeasureStatus.Ongoing, "Pågår.", "samordnare", Token));
        }

        var after = await compliance.CheckAsync(2026, Token);
        Assert.All(after, item => Assert.True(item.Green, $"{item.Key}: {item.Evidence}"));
        Assert.Equal($"/reports/{report!.Id}", after.Single(i => i.Key == ComplianceKey.SituationReport).Link);

        // A new prioritised problem without an orsaksanalys turns its item red again, and leads to the problem.
        var (problem, _) = await services.GetRequiredService<Trygg.Problems.ProblemWork>().CreateProblemAsync(new Trygg.Problems.ProblemInput("Bilbränder i Husby", Priority: 1), "samordnare", Token);
        var analyses = (await compliance.CheckAsync(2026, Token)).Single(i => i.Key == ComplianceKey.RootCauseAnalyses);
        Assert.False(analyses.Green);
        Assert.Equal($"/problems/{problem!.Id}", analyses.Link);
    }
}

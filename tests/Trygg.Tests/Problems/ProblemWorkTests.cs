using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Trygg.ActionPlans;
using Trygg.Data;
using Trygg.Problems;

namespace Trygg.Tests.Problems;

[Collection(DemoApp.Name)]
public sealed class ProblemWorkTests(TryggApp app)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AProblemIsRefusedInSwedishPerFieldAndNothingIsWritten()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var work = scope.ServiceProvider.GetRequiredService<ProblemWork>();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();

        var (none, errors) = await work.CreateProblemAsync(new ProblemInput(" ", AreaCodes: "0180-sd-atlantis", Priority: 4, PriorityAreas: [9], FocusAreas: [7],
            Perspectives: ["perspective-astrology"]), "test", Token);
        var (refused, focus) = await work.CreateProblemAsync(new ProblemInput("Bränder i soprum i Tensta", FocusAreas: [1, 7]), "test", Token);

        Assert.Null(none);
        Assert.Equal("Ge problemet en rubrik.", errors["title"]);
        Assert.Equal("Prioriteten ska vara 1 (högst), 2 eller 3.", errors["priority"]);
        Assert.Equal("Inget område har koden '0180-sd-atlantis'.", errors["areas"]);
        Assert.Equal("Det finns inget prioriterat samverkansområde 9.", errors["priorityAreas"]);
        Assert.Equal("Det finns inget fokusområde 7.", errors["focusAreas"]);
        Assert.Equal("Okänt perspektiv: perspective-astrology.", errors["perspectives"]);
        Assert.Null(refused);
        Assert.Equal("focusAreas", Assert.Single(focus.Keys));
        Assert.False(await db.Problems.AnyAsync(p => p.Title == "Bränder i soprum i Tensta", Token));
    }

    [Fact]
    public async Task AProblemSavedFromAnOlderRevisionIsAConflictAndTheFirstSaveStays()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var work = scope.ServiceProvider.GetRequiredService<ProblemWork>();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var (problem, _) = await work.CreateProblemAsync(new ProblemInput("Skadegörelse på Kista torg", AreaCodes: "0180-sd-kista", PriorityAreas: [1]), "test", Token);
        var opened = problem!.Revision;

        var (first, firstErrors) = await work.UpdateProblemAsync(problem.Id, opened, new ProblemInput("Skadegörelse och klotter på Kista torg", AreaCodes: "0180-sd-kista",
            Priority: 1, PriorityAreas: [1, 3], FocusAreas: [3], Perspectives: ["perspective-children"]), Token);
        var (late, conflict) = await work.UpdateProblemAsync(problem.Id, opened, new ProblemInput("Skadegörelse i Kista", AreaCodes: "0180-sd-kista"), Token);
        var (_, invalid) = await work.UpdateProblemAsync(problem.Id, first!.Revision, new ProblemInput("", AreaCodes: "0180-sd-kista"), Token);

        Assert.Empty(firstErrors);
        Assert.Null(late);
        Assert.Equal("Någon annan har sparat problemet sedan du öppnade det. Dina ändringar är inte sparade. Ladda sidan på nytt för att se deras ändringar, och gör dina igen om de behövs.",
            conflict["revision"]);
        Assert.Equal("Ge problemet en rubrik.", invalid["title"]);
        var stored = await db.Problems.AsNoTracking().SingleAsync(p => p.Id == problem.Id, Token);
        Assert.Equal(("Skadegörelse och klotter på Kista torg", 1, "1,3", "3", "perspective-children", opened + 1),
            (stored.Title, stored.Priority, stored.PriorityAreas, stored.FocusAreas, stored.Perspectives, stored.Revision));
    }

    [Fact]
    public async Task TheOrsaksanalysIsCreatedOnTheFirstSaveAndASaveFromAnOlderRevisionIsAConflict()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var work = scope.ServiceProvider.GetRequiredService<ProblemWork>();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var (problem, _) = await work.CreateProblemAsync(new ProblemInput("Rån mot unga vid Skärholmens centrum"), "test", Token);
        var input = new AnalysisInput("Grupper av äldre tonåringar", "Yngre som går hem ensamma", "Gångvägen mot tunnelbanan", Guardian: "Inga vuxna efter 21",
            HeldOn: new DateOnly(2026, 10, 1));

        var (_, empty) = await work.SaveAnalysisAsync(problem!.Id, null, new AnalysisInput(" ", null, null, HeldOn: new DateOnly(2026, 12, 1)), Token);
        var createdRevision = (await work.SaveAnalysisAsync(problem.Id, null, input, Token)).Analysis?.Revision;
        var (_, secondCreate) = await work.SaveAnalysisAsync(problem.Id, null, input with { Offender = "Någon annans version" }, Token);
        var changedRevision = (await work.SaveAnalysisAsync(problem.Id, 1, input with { Missing = "Väktare kvällstid" }, Token)).Analysis?.Revision;
        var (late, conflict) = await work.SaveAnalysisAsync(problem.Id, 1, input with { Missing = "En platsansvarig" }, Token);

        Assert.Equal("Beskriv minst en sida av triangeln: gärningsperson, offer eller mål, plats.", empty["triangle"]);
        Assert.Equal("Analysen kan inte vara gjord ett datum som inte har varit.", empty["heldOn"]); // the tests' clock: 23 November 2026
        Assert.Equal(1, createdRevision);
        Assert.StartsWith("Någon annan har sparat orsaksanalysen sedan du öppnade den.", secondCreate["revision"], StringComparison.Ordinal);
        Assert.Equal(2, changedRevision);
        Assert.Null(late);
        Assert.StartsWith("Någon annan har sparat orsaksanalysen", conflict["revision"], StringComparison.Ordinal);
        var stored = await db.Set<RootCauseAnalysis>().AsNoTracking().SingleAsync(a => a.ProblemId == problem.Id, Token);
        Assert.Equal(("Grupper av äldre tonåringar", "Väktare kvällstid", 2), (stored.Offender, stored.Missing, stored.Revision));
    }

    [Fact]
    public async Task ACauseIsValidatedTheSameWayWhenAddedAndEditedAndAnEditFromAStaleCopyIsAConflict()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var work = scope.ServiceProvider.GetRequiredService<ProblemWork>();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var (problem, _) = await work.CreateProblemAsync(new ProblemInput("Bilbränder i Husby", AreaCodes: "0180-sd-husby"), "test", Token);
        var (other, _) = await work.CreateProblemAsync(new ProblemInput("Klotter i Akalla"), "test", Token);
        var (root, _) = await work.AddCauseAsync(problem!.Id, new CauseInput("Unga söker status i gruppen", CauseSide.Offender, FactorLevel.Group), Token);
        var (child, _) = await work.AddCauseAsync(problem.Id, new CauseInput("Få fritidsaktiviteter på kvällen", CauseSide.Offender, ParentId: root!.Id), Token);
        var (foreign, _) = await work.AddCauseAsync(other!.Id, new CauseInput("Ingen sanering", CauseSide.Place), Token);

        var (_, added) = await work.AddCauseAsync(problem.Id, new CauseInput("", CauseSide.Place, EvidenceKind: EvidenceKind.Query, Evidence: "kategori=brand", ParentId: foreign!.Id), Token);
        var (_, edited) = await work.UpdateCauseAsync(root.Id, ProblemWork.Stamp(root), new CauseInput("", CauseSide.Place, EvidenceKind: EvidenceKind.Query, Evidence: "category=brand&area=0180-sd-atlantis"), Token);
        var (_, loop) = await work.UpdateCauseAsync(root.Id, ProblemWork.Stamp(root), new CauseInput(root.Text, root.Side, ParentId: child!.Id), Token);
        var opened = ProblemWork.Stamp(root);
        var (first, _) = await work.UpdateCauseAsync(root.Id, opened, new CauseInput("Unga söker status i gruppen genom bränder", CauseSide.Offender, FactorLevel.Group, FactorKind.Risk,
            EvidenceKind.Query, "category=brand&area=0180-sd-husby", Certainty.High), Token);
        var (late, conflict) = await work.UpdateCauseAsync(root.Id, opened, new CauseInput("Tristess", CauseSide.Offender), Token);

        Assert.Equal(("Beskriv orsaken.", "Den överordnade orsaken hör inte till problemet."), (added["text"], added["parent"]));
        Assert.StartsWith("Okänt filter 'kategori'", added["evidence"], StringComparison.Ordinal);
        Assert.Equal(("Beskriv orsaken.", "Inget område har koden '0180-sd-atlantis'."), (edited["text"], edited["evidence"]));
        Assert.Equal("En orsak kan inte ligga under sig själv eller under någon av sina underorsaker.", loop["parent"]);
        Assert.NotNull(first);
        Assert.Null(late);
        Assert.StartsWith("Någon annan har sparat orsaken sedan du öppnade den.", conflict["revision"], StringComparison.Ordinal);
        var stored = await db.Causes.AsNoTracking().SingleAsync(c => c.Id == root.Id, Token);
        Assert.Equal(("Unga söker status i gruppen genom bränder", EvidenceKind.Query, Certainty.High, (int?)null), (stored.Text, stored.EvidenceKind, stored.Certainty, stored.ParentId));
        Assert.Equal(2, await db.Causes.CountAsync(c => c.ProblemId == problem.Id, Token));
    }

    [Fact]
    public async Task ACauseWithUnderlyingCausesOrThatAMeasureTargetsIsKeptAndTheAnswerSaysWhich()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var work = scope.ServiceProvider.GetRequiredService<ProblemWork>();
        var plans = scope.ServiceProvider.GetRequiredService<Trygg.ActionPlans.ActionPlans>();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var (problem, _) = await work.CreateProblemAsync(new ProblemInput("Stölder i cykelgarage i Vällingby"), "test", Token);
        var (root, _) = await work.AddCauseAsync(problem!.Id, new CauseInput("Garagen är lätta att ta sig in i", CauseSide.Place), Token);
        var (child, _) = await work.AddCauseAsync(problem.Id, new CauseInput("Dörrarna stänger inte av sig själva", CauseSide.Place, ParentId: root!.Id), Token);
        var (loose, _) = await work.AddCauseAsync(problem.Id, new CauseInput("Felskriven orsak", CauseSide.Victim), Token);
        var (plan, _) = await plans.CreatePlanAsync("Åtgärdsplan cykelgarage", null, [problem.Id], Token);
        await plans.SaveMeasureAsync(plan!.Id, null, null, new MeasureInput("Dörrstängare i alla garage", new DateOnly(2026, 1, 1), new DateOnly(2026, 6, 30), [child!.Id]), Token);

        var withChildren = await work.DeleteCauseAsync(root.Id, Token);
        var targeted = await work.DeleteCauseAsync(child.Id, Token);
        var deleted = await work.DeleteCauseAsync(loose!.Id, Token);

        Assert.Equal("Orsaken har underorsaker: \"Dörrarna stänger inte av sig själva\". Ta bort dem eller flytta dem till en annan orsak först.", withChildren["children"]);
        Assert.Equal("Åtgärder riktar sig mot orsaken: \"Dörrstängare i alla garage\". Ta bort orsaken från åtgärderna först.", targeted["measures"]);
        Assert.Empty(deleted);
        Assert.Equal(new[] { root.Id, child.Id }, await db.Causes.Where(c => c.ProblemId == problem.Id).OrderBy(c => c.Id).Select(c => c.Id).ToListAsync(Token));
    }

    [Fact]
    public async Task AManualGoalsValueIsReportedForATertialThatHasStartedAndReportingAgainReplacesIt()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var work = scope.ServiceProvider.GetRequiredService<ProblemWork>();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var (problem, _) = await work.CreateProblemAsync(new ProblemInput("Otrygghet kvällstid i Rinkeby"), "test", Token);
        var (_, missing) = await work.AddGoalAsync(problem!.Id, new GoalInput("Fler känner sig trygga", IndicatorKind.Survey, "", 70, new DateOnly(2027, 12, 31), LowerIsBetter: false), Token);
        var (_, manual) = await work.AddGoalAsync(problem.Id, new GoalInput("Färre nedsläckta lampor", IndicatorKind.Manual, "Trasiga armaturer vid ronden", 2, new DateOnly(2027, 12, 31), 12), Token);
        var (goal, _) = await work.AddGoalAsync(problem.Id, new GoalInput("Fler känner sig trygga", IndicatorKind.Manual,
            "Trygghetsvärdarnas fråga: andel som känner sig trygga ute sent en kväll i området", 70, new DateOnly(2027, 12, 31), 58.5, "Trygghetsvärdarna", LowerIsBetter: false), Token);
        var (incidentGoal, _) = await work.AddGoalAsync(problem.Id, new GoalInput("Färre händelser", IndicatorKind.Incidents, "area=0180-sd-rinkeby", 100, new DateOnly(2027, 12, 31)), Token);

        var notStarted = await work.ReportGoalValueAsync(goal!.Id, "2027-T1", 60, null, "test", Token);
        var unreadable = await work.ReportGoalValueAsync(goal.Id, "våren 2026", null, null, "test", Token);
        var counted = await work.ReportGoalValueAsync(incidentGoal!.Id, "2026-T2", 300, null, "test", Token);
        Assert.Empty(await work.ReportGoalValueAsync(goal.Id, "2026-t2", 61, "Första mätningen", "analytiker", Token));
        Assert.Empty(await work.ReportGoalValueAsync(goal.Id, "2026-T2", 63.5, "Rättad efter viktning", "analytiker", Token));

        Assert.Equal("Ange indikatorns kod och vad målet följer, t.ex. trygghet-otrygg-kvall?area=0180-sd-rinkeby&sex=kvinnor.", missing["indicatorQuery"]);
        Assert.Equal("Ange vem som rapporterar värdet.", manual["reportedBy"]);
        Assert.Equal("Ett tertial som inte har börjat kan inte rapporteras.", notStarted["tertial"]);
        Assert.Equal(("Tertialet 'våren 2026' kan inte tolkas. Skriv t.ex. 2025-T2.", "Ange värdet."), (unreadable["tertial"], unreadable["value"]));
        Assert.Equal("Målets värde räknas från händelserna; det rapporteras inte.", counted["goal"]);
        var values = await db.GoalValues.AsNoTracking().Where(v => v.GoalId == goal.Id).ToListAsync(Token);
        Assert.Equal(("2026-T2", 63.5, "Rättad efter viktning"), (values.Single().Tertial, values.Single().Value, values.Single().Comment));
        Assert.Equal(58.5, goal.Baseline);
    }

    [Fact]
    public async Task AGoalEditKeepsItsCountedBaselineIsRefusedFromAStaleCopyAndAGoalAMeasureFollowsIsNotDeleted()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var work = scope.ServiceProvider.GetRequiredService<ProblemWork>();
        var plans = scope.ServiceProvider.GetRequiredService<Trygg.ActionPlans.ActionPlans>();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var (problem, _) = await work.CreateProblemAsync(new ProblemInput("Våld i Tensta", AreaCodes: "0180-sd-tensta"), "test", Token);
        var (goal, _) = await work.AddGoalAsync(problem!.Id, new GoalInput("Färre våldshändelser", IndicatorKind.Incidents, "category=vald&area=0180-sd-tensta", 10, new DateOnly(2027, 12, 31)), Token);
        var (survey, _) = await work.AddGoalAsync(problem.Id, new GoalInput("Färre oroliga", IndicatorKind.Manual, "Skolans egen enkät, fråga 12", 20, new DateOnly(2027, 12, 31), 30, "Skolan"), Token);
        await work.ReportGoalValueAsync(survey!.Id, "2026-T1", 28, null, "test", Token);
        var (plan, _) = await plans.CreatePlanAsync("Åtgärdsplan Tensta", null, [problem.Id], Token);
        await plans.SaveMeasureAsync(plan!.Id, null, null, new MeasureInput("Fältarbete", new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31), [], GoalIds: $"{goal!.Id}"), Token);
        var opened = ProblemWork.Stamp(goal);
        var baseline = goal.Baseline;

        var (first, _) = await work.UpdateGoalAsync(goal.Id, opened, new GoalInput("Färre våldshändelser i Tensta", IndicatorKind.Incidents, goal.IndicatorQuery, 8, new DateOnly(2027, 6, 30)), Token);
        var (late, conflict) = await work.UpdateGoalAsync(goal.Id, opened, new GoalInput("Inget våld", IndicatorKind.Incidents, goal.IndicatorQuery, 0, new DateOnly(2027, 6, 30)), Token);
        var (_, kind) = await work.UpdateGoalAsync(survey.Id, ProblemWork.Stamp(survey), new GoalInput("Färre oroliga", IndicatorKind.Incidents, "area=0180-sd-tensta", 20, new DateOnly(2027, 12, 31)), Token);
        var followed = await work.DeleteGoalAsync(goal.Id, Token);
        var deleted = await work.DeleteGoalAsync(survey.Id, Token);

        Assert.Equal((baseline, 8.0), (first!.Baseline, first.Target));
        Assert.Null(late);
        Assert.StartsWith("Någon annan har sparat målet sedan du öppnade det.", conflict["revision"], StringComparison.Ordinal);
        Assert.Equal("Målet har rapporterade värden (2026-T1); byt inte slag av indikator, lägg hellre till ett nytt mål.", kind["kind"]);
        Assert.Equal("Åtgärder följs upp mot målet: \"Fältarbete\". Ta bort målet från åtgärderna först.", followed["measures"]);
        Assert.Empty(deleted);
        Assert.Equal("Färre våldshändelser i Tensta", Assert.Single(await db.Goals.Where(g => g.ProblemId == problem.Id).Select(g => g.Text).ToListAsync(Token)));
        Assert.False(await db.GoalValues.AnyAsync(v => v.GoalId == survey.Id, Token));
    }

    [Fact]
    public async Task AnIncidentGoalsBaselineIsCountedFromLastYearAndABadQueryIsRefused()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var work = scope.ServiceProvider.GetRequiredService<ProblemWork>();
        var (problem, _) = await work.CreateProblemAsync(new ProblemInput("Våld i Husby", AreaCodes: "0180-sd-husby"), "test", Token);

        var (goal, errors) = await work.AddGoalAsync(problem!.Id, new GoalInput("Färre våldshändelser i Husby", IndicatorKind.Incidents, "category=vald&area=0180-sd-husby", 5, new DateOnly(2027, 12, 31)), Token);
        var (_, wrong) = await work.AddGoalAsync(problem.Id, new GoalInput("Fel", IndicatorKind.Incidents, "kategori=vald", 5, default), Token);

        Assert.Empty(errors);
        using var client = await app.SignedInClientAsync(Trygg.Security.Roles.Analyst);
        var rows = await client.GetFromJsonAsync<List<RowJson>>("/api/incidents/aggregate?by=category&category=vald&area=0180-sd-husby&from=2025-01-01&to=2025-12-31", Token);
        Assert.Equal(rows!.Sum(r => r.Count), goal!.Baseline); // 2025: the year before the tests' clock
        Assert.StartsWith("Okänt filter 'kategori'", wrong["indicatorQuery"], StringComparison.Ordinal);
        Assert.Equal("Ange senast när målet ska vara nått.", wrong["targetDate"]);
    }

    private sealed record RowJson(string Key, long Count);
}

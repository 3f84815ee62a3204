using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Trygg.ActionPlans;
using Trygg.Data;
using Trygg.FollowUp;
using Trygg.Problems;

namespace Trygg.Tests.ActionPlans;

[Collection(DemoApp.Name)]
public sealed class ActionPlansTests(TryggApp app)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AMeasureIsRefusedInSwedishWhenItEndsBeforeItStartsHasANegativeBudgetOrTargetsAnotherProblemsCause()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var plans = scope.ServiceProvider.GetRequiredService<Trygg.ActionPlans.ActionPlans>();
        var work = scope.ServiceProvider.GetRequiredService<ProblemWork>();
        var (problem, _) = await work.CreateProblemAsync(new ProblemInput("Öppen narkotikahandel vid torget", AreaCodes: "0180-sd-rinkeby"), "test", Token);
        var (other, _) = await work.CreateProblemAsync(new ProblemInput("Klotter i tunnlar"), "test", Token);
        var (cause, _) = await work.AddCauseAsync(problem!.Id, new CauseInput("Mörka passager", CauseSide.Place), Token);
        var (foreign, _) = await work.AddCauseAsync(other!.Id, new CauseInput("Ingen städning", CauseSide.Place), Token);
        var (plan, _) = await plans.CreatePlanAsync("Åtgärdsplan Rinkeby", null, [problem.Id], Token);

        var (saved, errors) = await plans.SaveMeasureAsync(plan!.Id, null, null,
            new MeasureInput("Belysning", new DateOnly(2025, 12, 1), new DateOnly(2025, 3, 1), [cause!.Id, foreign!.Id], BudgetSek: -1), Token);

        Assert.Null(saved);
        Assert.Equal("Åtgärden slutar innan den börjar.", errors["end"]);
        Assert.Equal("Budgeten kan inte vara negativ.", errors["budget"]);
        Assert.Equal("En åtgärd kan bara rikta sig mot orsaker till planens problem.", errors["causes"]);
        Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<AppDbContext>().Measures.CountAsync(m => m.ActionPlanId == plan.Id, Token));
    }

    [Fact]
    public async Task ASaveFromAnOlderRevisionIsAConflictAndAnAdoptedPlanStartsItsNextVersionOnChange()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var plans = scope.ServiceProvider.GetRequiredService<Trygg.ActionPlans.ActionPlans>();
        var work = scope.ServiceProvider.GetRequiredService<ProblemWork>();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var (problem, _) = await work.CreateProblemAsync(new ProblemInput("Rån mot unga vid tunnelbanan"), "test", Token);
        var (cause, _) = await work.AddCauseAsync(problem!.Id, new CauseInput("Unga rör sig ensamma sent", CauseSide.Victim), Token);
        var (plan, _) = await plans.CreatePlanAsync("Åtgärdsplan Kista", null, [problem.Id], Token);
        var input = new MeasureInput("Trygghetsvärdar", new DateOnly(2025, 1, 1), new DateOnly(2025, 12, 31), [cause!.Id], PreventionKind.Social, BudgetSek: 400_000);
        var (measure, _) = await plans.SaveMeasureAsync(plan!.Id, null, null, input, Token);
        Assert.Equal(1, measure!.Revision);

        // Two people opened revision 1; the first saves, the second's save is refused and nothing of the first is lost.
        Assert.Empty((await plans.SaveMeasureAsync(plan.Id, measure.Id, 1, input with { BudgetSek = 450_000 }, Token)).Errors);
        var (late, conflict) = await plans.SaveMeasureAsync(plan.Id, measure.Id, 1, input with { Title = "Nattvandrare" }, Token);
        Assert.Null(late);
        Assert.StartsWith("Någon annan har sparat åtgärden", conflict["revision"], StringComparison.Ordinal);
        var stored = await db.Measures.AsNoTracking().SingleAsync(m => m.Id == measure.Id, Token);
        Assert.Equal(("Trygghetsvärdar", 450_000m, 2), (stored.Title, stored.BudgetSek, stored.Revision));

        Assert.Empty(await plans.AdoptAsync(plan.Id, "Kommunstyrelsen", new DateOnly(2025, 2, 1), "KS 2025/1", "samordnare", Token));
        Assert.Equal("Versionen är redan antagen.", (await plans.AdoptAsync(plan.Id, "Kommunstyrelsen", new DateOnly(2025, 2, 1), "KS 2025/1", "samordnare", Token))["status"]);
        Assert.Empty((await plans.SaveMeasureAsync(plan.Id, measure.Id, 2, input with { BudgetSek = 500_000 }, Token)).Errors);
        var next = await db.ActionPlans.AsNoTracking().SingleAsync(p => p.Id == plan.Id, Token);
        Assert.Equal((PlanStatus.Draft, 2, (string?)null), (next.Status, next.Version, next.Committee));

        // What the committee adopted stays as it was decided.
        var frozen = PlanTree.Read((await plans.VersionsAsync(plan.Id, Token)).Single().TreeJson);
        Assert.Equal((1, "Kommunstyrelsen", "KS 2025/1", 450_000m), (frozen.Version, frozen.Committee, frozen.DiaryNumber, frozen.Measures.Single().BudgetSek));
        Assert.Equal(cause.Id, frozen.Measures.Single().CauseIds.Single());
    }

    [Fact]
    public async Task FollowUpIsReportedPerTertialAndTurnsTheLightGreen()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var plans = scope.ServiceProvider.GetRequiredService<Trygg.ActionPlans.ActionPlans>();
        var work = scope.ServiceProvider.GetRequiredService<ProblemWork>();
        var (problem, _) = await work.CreateProblemAsync(new ProblemInput("Skadegörelse vid skolan"), "test", Token);
        var (cause, _) = await work.AddCauseAsync(problem!.Id, new CauseInput("Ingen vuxen på skolgården på kvällen", CauseSide.Place), Token);
        var (goal, _) = await work.AddGoalAsync(problem.Id, new GoalInput("Mindre skadegörelse", IndicatorKind.Manual, null, 2, new DateOnly(2026, 12, 31), Baseline: 10, ReportedBy: "Skolans rektor"), Token);
        var (plan, _) = await plans.CreatePlanAsync("Åtgärdsplan skolan", null, [problem.Id], Token);
        var (measure, _) = await plans.SaveMeasureAsync(plan!.Id, null, null,
            new MeasureInput("Kvällsvakt", new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31), [cause!.Id], GoalIds: goal!.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)), Token);
        var current = plans.CurrentTertial(); // 2026-T3 on the tests' clock (23 November 2026)

        Assert.Equal(TrafficLight.Red, PlanReview.Light((await plans.TreeAsync(plan.Id, Token))!.Value.Plan, current));
        Assert.Equal("Skriv varför åtgärden är pausad eller inställd.", (await plans.ReportAsync(measure!.Id, current.ToString(), MeasureStatus.Paused, "", "skolan", Token))["comment"]);
        Assert.Equal("Ett tertial som inte har börjat kan inte följas upp.", (await plans.ReportAsync(measure.Id, "2027-T1", MeasureStatus.Ongoing, "", "skolan", Token))["tertial"]);
        Assert.Empty(await plans.ReportAsync(measure.Id, current.ToString(), MeasureStatus.Ongoing, "Vakt varje kväll sedan oktober.", "skolan", Token));

        var (tree, problems) = (await plans.TreeAsync(plan.Id, Token))!.Value;
        Assert.Equal(TrafficLight.Green, PlanReview.Light(tree, current));
        Assert.Empty(PlanReview.Gaps(tree, problems, current));
    }

    [Fact]
    public async Task APlanIsAdoptedOnlyWithADecisionAndMeasuresAndCannotDropAProblemItsMeasuresTarget()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var plans = scope.ServiceProvider.GetRequiredService<Trygg.ActionPlans.ActionPlans>();
        var work = scope.ServiceProvider.GetRequiredService<ProblemWork>();
        var (problem, _) = await work.CreateProblemAsync(new ProblemInput("Inbrott i förråd"), "test", Token);
        var (other, _) = await work.CreateProblemAsync(new ProblemInput("Bilbränder"), "test", Token);
        var (cause, _) = await work.AddCauseAsync(problem!.Id, new CauseInput("Förråden har gamla lås", CauseSide.Victim), Token);
        var (plan, _) = await plans.CreatePlanAsync("Åtgärdsplan förråd", null, [problem.Id], Token);

        var empty = await plans.AdoptAsync(plan!.Id, " ", new DateOnly(2030, 1, 1), "", "samordnare", Token);
        Assert.Equal(["adoptedOn", "committee", "diaryNumber", "measures"], empty.Keys.Order());
        Assert.Equal("En plan utan åtgärder kan inte antas.", empty["measures"]);
        Assert.Equal("Beslutsdatumet ligger i framtiden.", empty["adoptedOn"]);
        Assert.Empty(await plans.VersionsAsync(plan.Id, Token));

        await plans.SaveMeasureAsync(plan.Id, null, null, new MeasureInput("Nya lås", new DateOnly(2026, 1, 1), new DateOnly(2026, 6, 30), [cause!.Id]), Token);
        Assert.Equal("Planens åtgärder riktar sig mot orsaker till problemet som tas bort (Förråden har gamla lås). Ändra åtgärderna först.",
            (await plans.UpdatePlanAsync(plan.Id, "Åtgärdsplan förråd", null, [other!.Id], Token))["problems"]);
        Assert.Empty(await plans.UpdatePlanAsync(plan.Id, "Åtgärdsplan förråd och bilar", null, [problem.Id, other.Id], Token));
        var (tree, problems) = (await plans.TreeAsync(plan.Id, Token))!.Value;
        Assert.Equal(("Åtgärdsplan förråd och bilar", 2), (tree.Title, problems.Count));
        Assert.Contains(PlanReview.Gaps(tree, problems, plans.CurrentTertial()), g => g.Kind == GapKind.ProblemWithoutMeasure && g.ProblemId == other.Id);
    }
}

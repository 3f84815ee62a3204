using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Trygg.ActionPlans;
using Trygg.Data;
using Trygg.FollowUp;
using Trygg.Problems;

namespace Trygg.Tests.ActionPlans;

public sealed class PlanReviewTests
{
    private static readonly Tertial T2 = new(2025, 2);

    [Fact]
    public void EveryGapInTheChainIsFoundAndNamed()
    {
        var (plan, problems) = Example();

        var gaps = PlanReview.Gaps(plan, problems, T2);

        // Street lighting targets a cause but has no indicator and no follow-up; the "handler" cause has no measure; the
        // second problem has no measure at all; the youth worker measure targets nothing.
        Assert.Equal(
            [
                (GapKind.MeasureWithoutIndicator, (int?)null, (int?)null, (int?)10),
                (GapKind.MeasureWithoutFollowUp, null, null, 10),
                (GapKind.MeasureWithoutCause, null, null, 11),
                (GapKind.CauseWithoutMeasure, 1, 2, null),
                (GapKind.ProblemWithoutMeasure, 2, null, null),
                (GapKind.CauseWithoutMeasure, 2, 3, null),
            ],
            gaps.Select(g => (g.Kind, g.ProblemId, g.CauseId, g.MeasureId)).OrderBy(g => g.ProblemId ?? 0).ThenBy(g => g.Kind != GapKind.MeasureWithoutIndicator));
        Assert.Contains(gaps, g => g.Message == "Åtgärden \"Ungdomscoacher på torget\" riktar sig inte mot någon identifierad orsak.");
        Assert.Contains(gaps, g => g.Message == "Problemet \"Rån mot unga vid tunnelbanan\" har ingen åtgärd.");
    }

    [Fact]
    public void ACancelledMeasureNoLongerAddressesItsCause()
    {
        var (plan, problems) = Example();
        plan.Measures[0].Status = MeasureStatus.Cancelled;

        var gaps = PlanReview.Gaps(plan, problems, T2);

        Assert.Contains(gaps, g => g.Kind == GapKind.CauseWithoutMeasure && g.CauseId == 1);
        Assert.Contains(gaps, g => g.Kind == GapKind.ProblemWithoutMeasure && g.ProblemId == 1);
        Assert.DoesNotContain(gaps, g => g.MeasureId == 10); // and, being cancelled, needs neither indicator nor follow-up
    }

    [Fact]
    public void TheTrafficLightIsDerivedFromFollowUpAndDates()
    {
        var measure = new Measure { Title = "Belysning", Start = new DateOnly(2025, 3, 1), End = new DateOnly(2025, 12, 31), Status = MeasureStatus.Ongoing };

        Assert.Equal(TrafficLight.Grey, PlanReview.Light(measure, new Tertial(2024, 3)));   // not started
        Assert.Equal(TrafficLight.Red, PlanReview.Light(measure, T2));                     // active, not followed up
        measure.Updates.Add(new MeasureUpdate { Tertial = "2025-T2", Status = MeasureStatus.Ongoing });
        Assert.Equal(TrafficLight.Green, PlanReview.Light(measure, T2));
        measure.Updates.Add(new MeasureUpdate { Tertial = "2025-T3", Status = MeasureStatus.Paused });
        Assert.Equal(TrafficLight.Yellow, PlanReview.Light(measure, new Tertial(2025, 3)));
        Assert.Equal(TrafficLight.Red, PlanReview.Light(measure, new Tertial(2026, 1)));   // past its end, not done
        measure.Updates.Add(new MeasureUpdate { Tertial = "2026-T1", Status = MeasureStatus.Done });
        Assert.Equal(TrafficLight.Green, PlanReview.Light(measure, new Tertial(2026, 1)));

        var plan = new ActionPlan { Title = "Plan", Measures = [measure, new Measure { Title = "Senare", Start = new DateOnly(2027, 1, 1), End = new DateOnly(2027, 12, 31) }] };
        Assert.Equal(TrafficLight.Green, PlanReview.Light(plan, new Tertial(2026, 1)));    // the one not started does not count
        plan.Measures.Add(new Measure { Title = "Inställd", Start = new DateOnly(2025, 1, 1), End = new DateOnly(2026, 12, 31), Status = MeasureStatus.Cancelled });
        Assert.Equal(TrafficLight.Red, PlanReview.Light(plan, new Tertial(2026, 1)));      // the worst light counts
    }

    [Theory]
    [InlineData("2025-01-01", "2025-T1")]
    [InlineData("2025-04-30", "2025-T1")]
    [InlineData("2025-05-01", "2025-T2")]
    [InlineData("2025-12-31", "2025-T3")]
    public void TertialsAreJanuaryToAprilMayToAugustAndSeptemberToDecember(string date, string tertial) =>
        Assert.Equal(tertial, Tertial.Of(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture)).ToString());

    [Fact]
    public async Task TwoPeopleSavingTheSameMeasureAtOnceMakeTheSecondAConflictAndLoseNothing()
    {
        await using var app = new TryggApp();
        int id;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var plan = new ActionPlan { Title = "Järva 2025", Measures = [new Measure { Title = "Belysning", Start = new DateOnly(2025, 3, 1), End = new DateOnly(2025, 12, 31) }] };
            db.ActionPlans.Add(plan);
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
            id = plan.Measures[0].Id;
        }

        await using var first = app.Services.CreateAsyncScope();
        await using var second = app.Services.CreateAsyncScope();
        var a = await first.ServiceProvider.GetRequiredService<AppDbContext>().Measures.SingleAsync(m => m.Id == id, TestContext.Current.CancellationToken);
        var b = await second.ServiceProvider.GetRequiredService<AppDbContext>().Measures.SingleAsync(m => m.Id == id, TestContext.Current.CancellationToken);
        (a.BudgetSek, a.Revision) = (250_000, a.Revision + 1);
        (b.Title, b.Revision) = (b.Title + " vid torget", b.Revision + 1);

        await first.ServiceProvider.GetRequiredService<AppDbContext>().SaveChangesAsync(TestContext.Current.CancellationToken);
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.ServiceProvider.GetRequiredService<AppDbContext>().SaveChangesAsync(TestContext.Current.CancellationToken));

        await using var check = app.Services.CreateAsyncScope();
        var saved = await check.ServiceProvider.GetRequiredService<AppDbContext>().Measures.SingleAsync(m => m.Id == id, TestContext.Current.CancellationToken);
        Assert.Equal(("Belysning", 250_000m, 1), (saved.Title, saved.BudgetSek, saved.Revision));
    }

    /// <summary>Open drug dealing near a square (causes 1 and 2) and robberies of young people (cause 3); two measures.</summary>
    private static (ActionPlan Plan, List<Problem> Problems) Example()
    {
        var problems = new List<Problem>
        {
            new() { Id = 1, Title = "Öppen narkotikahandel vid torget", Causes = [new Cause { Id = 1, Text = "Mörka passager", Side = CauseSide.Place }, new Cause { Id = 2, Text = "Ingen platsägare tar ansvar", Side = CauseSide.Place }] },
            new() { Id = 2, Title = "Rån mot unga vid tunnelbanan", Causes = [new Cause { Id = 3, Text = "Unga rör sig ensamma sent", Side = CauseSide.Victim }] },
        };
        var plan = new ActionPlan
        {
            Title = "Åtgärdsplan Järva 2025",
            Problems = [new ActionPlanProblem { ProblemId = 1 }, new ActionPlanProblem { ProblemId = 2 }],
            Measures =
            [
                new Measure { Id = 10, Title = "Bättre belysning", Start = new DateOnly(2025, 3, 1), End = new DateOnly(2025, 12, 31), Causes = [new MeasureCause { CauseId = 1 }] },
                new Measure { Id = 11, Title = "Ungdomscoacher på torget", Start = new DateOnly(2025, 1, 1), End = new DateOnly(2025, 12, 31), GoalIds = "1",
                    Updates = [new MeasureUpdate { Tertial = "2025-T2", Status = MeasureStatus.Ongoing }] },
            ],
        };
        return (plan, problems);
    }
}

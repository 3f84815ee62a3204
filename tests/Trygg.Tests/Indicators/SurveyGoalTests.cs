using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Trygg.Data;
using Trygg.Indicators;
using Trygg.Problems;
using Trygg.Security;

namespace Trygg.Tests.Indicators;

[Collection(DemoApp.Name)]
public sealed class SurveyGoalTests(TryggApp app)
{
    private const string Code = "test-mal-trygg";

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("", "Ange indikatorns kod och vad målet följer, t.ex. trygghet-otrygg-kvall?area=0180-sd-rinkeby&sex=kvinnor.")]
    [InlineData("finns-inte?area=0180-sd-vallingby", "Det finns ingen indikator med koden 'finns-inte'. Koderna står på sidan Indikatorer.")]
    [InlineData(Code + "?omrade=0180-sd-vallingby", "Okänt filter 'omrade' i indikatorn. Filter: area, sex, age, group, t.ex. trygghet-otrygg-kvall?area=0180-sd-rinkeby&sex=kvinnor.")]
    [InlineData(Code + "?area=0180-sd-vallingby&sex=flickor", "Kön 'flickor' finns inte. Skriv sex=kvinnor eller sex=män, eller utelämna sex för alla.")]
    [InlineData(Code + "?area=0180-sd-vallingby,0180-sd-hasselby-gard", "Ett mål följer ett område; ange bara en områdeskod i area.")]
    [InlineData(Code, "Indikatorn har värden för flera områden; ange vilket målet följer, t.ex. " + Code + "?area=0180-sd-hasselby-gard.")]
    [InlineData(Code + "?area=0180-sd-vallingby&age=16-24", "Indikatorn " + Code + " har inga värden för området 0180-sd-vallingby, kön alla, ålder 16-24 och grupp alla.")]
    public async Task ASurveyGoalThatDoesNotNameASeriesOfAnIndicatorIsRefusedInSwedishAndNothingIsWritten(string reference, string message)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var (work, problem) = await ProblemAsync(scope.ServiceProvider);

        var (goal, errors) = await work.AddGoalAsync(problem.Id, new GoalInput("Fler trygga kvinnor", IndicatorKind.Survey, reference, 70, new DateOnly(2027, 12, 31), LowerIsBetter: false), Token);

        Assert.Null(goal);
        Assert.Equal(message, errors["indicatorQuery"]);
        Assert.False(await scope.ServiceProvider.GetRequiredService<AppDbContext>().Goals.AnyAsync(g => g.ProblemId == problem.Id, Token));
    }

    [Fact]
    public async Task ASurveyGoalReadsItsValuesFromTheIndicatorEachPeriodStartsFromTheLatestAndIsNotTyped()
    {
        int problemId, goalId;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var (work, problem) = await ProblemAsync(scope.ServiceProvider);
            var (goal, errors) = await work.AddGoalAsync(problem.Id, new GoalInput("Fler kvinnor känner sig trygga i Vällingby", IndicatorKind.Survey,
                $"{Code}?area=0180-sd-vallingby&sex=kvinnor", 65, new DateOnly(2027, 12, 31), LowerIsBetter: false), Token);
            Assert.Empty(errors);
            var typed = await work.ReportGoalValueAsync(goal!.Id, "2026-T2", 80, null, "test", Token);

            Assert.Equal(66, goal.Baseline); // 2025, the latest period with enough answers
            Assert.Equal("Målets värde läses från indikatorn test-mal-trygg för varje period; det rapporteras inte.", typed["goal"]);
            var series = (await work.SurveyValuesAsync([goal], Token))[goal.Id];
            Assert.Equal([("2023", (double?)58.0), ("2024", null), ("2025", 66.0)], series.Observations.Select(o => (o.Period, o.Suppressed ? null : o.Value)));
            (problemId, goalId) = (problem.Id, goal.Id);
        }

        // A new year's results, once imported, are the goal's next value without anyone typing it.
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var indicator = await db.Indicators.SingleAsync(i => i.Code == Code, Token);
            if (!await db.IndicatorObservations.AnyAsync(o => o.IndicatorId == indicator.Id && o.Period == "2026", Token))
            {
                var next = IndicatorPageTests.Cell("0180-sd-vallingby", "2026", "kvinnor", 71.5, 66.9, 75.7, 402);
                next.IndicatorId = indicator.Id;
                db.IndicatorObservations.Add(next);
                await db.SaveChangesAsync(Token);
            }
        }

        using var client = await app.SignedInClientAsync(Roles.Coordinator);
        var page = IndicatorPageTests.Html(await client.GetStringAsync($"/problems/{problemId}", Token));

        var goalHtml = page[page.IndexOf($"id=\"goal-{goalId}\"", StringComparison.Ordinal)..];
        Assert.Contains($"<a href=\"/indicators/{Code}\">Andel trygga (måltestet)</a>", goalHtml, StringComparison.Ordinal);
        Assert.Contains("<tr data-period=\"2023\"><td>2023</td><td class=\"number indicator\" data-value=\"58\">58,0 %</td>", goalHtml, StringComparison.Ordinal);
        Assert.Contains("<tr data-period=\"2024\"><td>2024</td><td class=\"number\">för få svar</td>", goalHtml, StringComparison.Ordinal);
        Assert.Contains("<tr data-period=\"2026\"><td>2026</td><td class=\"number indicator\" data-value=\"71.5\">71,5 %</td><td class=\"number\">66,9–75,7 %</td>", goalHtml, StringComparison.Ordinal);
        Assert.Contains("data-met=\"false\">målet inte nått ännu</span>", goalHtml, StringComparison.Ordinal); // 2023: 58 < 65
        Assert.Contains("data-met=\"true\">målet nått</span>", goalHtml, StringComparison.Ordinal); // 2025 and 2026
        Assert.DoesNotContain("Rapportera värdet", goalHtml[..goalHtml.IndexOf("</article>", StringComparison.Ordinal)], StringComparison.Ordinal);
    }

    private static async Task<(ProblemWork Work, Problem Problem)> ProblemAsync(IServiceProvider services)
    {
        await IndicatorPageTests.AddIndicatorAsync(services, new Indicator
        {
            Code = Code, Name = "Andel trygga (måltestet)", Unit = "procent", Source = "Trygghetsmätningen (test)", Type = IndicatorType.Share, HigherIsBetter = true, Dimensions = "kon",
        },
        [
            IndicatorPageTests.Cell("0180-sd-vallingby", "2023", "kvinnor", 58, 53, 62.8, 380), IndicatorPageTests.Cell("0180-sd-vallingby", "2024", "kvinnor", null, null, null, null, suppressed: true),
            IndicatorPageTests.Cell("0180-sd-vallingby", "2025", "kvinnor", 66, 61.2, 70.5, 401), IndicatorPageTests.Cell("0180-sd-vallingby", "2025", "män", 79, 74.6, 82.8, 377),
            IndicatorPageTests.Cell("0180-sd-hasselby-gard", "2025", "kvinnor", 61, 55.9, 65.9, 355),
        ]);
        var work = services.GetRequiredService<ProblemWork>();
        var (problem, errors) = await work.CreateProblemAsync(new ProblemInput("Otrygghet bland kvinnor i Vällingby", AreaCodes: "0180-sd-vallingby"), "test", Token);
        Assert.Empty(errors);
        return (work, problem!);
    }
}

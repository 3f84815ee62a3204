using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Trygg.ActionPlans;
using Trygg.Data;
using Trygg.FollowUp;
using Trygg.Geography;
using Trygg.Problems;

namespace Trygg.Tests.FollowUp;

[Collection(DemoApp.Name)]
public sealed class EffectEvaluationsTests(TryggApp app)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TheSuggestionTreatsTheMeasuresAreaBuffersItsNeighboursAndComparesWithALikeSizedStadsdelAwayFromTheBuffer()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var lighting = await db.Measures.Where(m => m.Title.StartsWith("Ny belysning")).Select(m => m.Id).SingleAsync(Token);

        var suggestion = (await scope.ServiceProvider.GetRequiredService<EffectEvaluations>().SuggestAsync(lighting, Token))!;

        // The lighting ran March–October 2025; the data end on 22 August 2026: 295 days after, as many before.
        var input = suggestion.Input;
        Assert.Equal((new DateOnly(2025, 11, 1), new DateOnly(2026, 8, 22)), (input.AfterFrom!.Value, input.AfterTo!.Value));
        Assert.Equal((new DateOnly(2024, 5, 10), new DateOnly(2025, 2, 28)), (input.BeforeFrom!.Value, input.BeforeTo!.Value));
        Assert.Equal("0180-sd-rinkeby", input.TreatedAreaCodes);

        // The buffer is every stadsdel whose shape comes within 100 m of Rinkeby's, measured here on the stored shapes.
        var shapes = (await db.Areas.AsNoTracking().Where(a => a.Level == AreaLevel.Neighbourhood && a.ValidTo == null && a.Geometry != null)
            .Select(a => new { a.Code, a.Geometry }).ToListAsync(Token)).ToDictionary(a => a.Code, a => AreaNeighbours.ToSweref(a.Geometry!));
        bool Borders(string a, string b) => a != b && shapes[a].IsWithinDistance(shapes[b], 100);
        var buffer = EffectEvaluations.Codes(input.BufferAreaCodes);
        Assert.Equal(shapes.Keys.Where(c => Borders("0180-sd-rinkeby", c)).Order(StringComparer.Ordinal), buffer);
        Assert.Contains("0180-sd-tensta", buffer);

        // The control is one stadsdel, neither bordering the buffer nor in it, with the count before closest to Rinkeby's.
        var control = Assert.Single(EffectEvaluations.Codes(input.ControlAreaCodes));
        Assert.DoesNotContain(buffer.Append("0180-sd-rinkeby"), c => c == control || Borders(c, control));
        var columns = await scope.ServiceProvider.GetRequiredService<Trygg.Incidents.IncidentStore>().GetAsync(db, Token);
        var query = new Trygg.Incidents.IncidentQuery(columns);
        long Before(string code) => query.Count(new Trygg.Incidents.IncidentFilter { AreaCode = code, From = input.BeforeFrom, To = input.BeforeTo });
        var eligible = shapes.Keys.Where(c => c != "0180-sd-rinkeby" && !buffer.Contains(c) && !buffer.Any(b => Borders(b, c)) && Before(c) > 0);
        Assert.Equal(eligible.Min(c => Math.Abs(Before(c) - Before("0180-sd-rinkeby"))), Math.Abs(Before(control) - Before("0180-sd-rinkeby")));

        Assert.Contains("Tensta", suggestion.Reasons["buffer"], StringComparison.Ordinal);
        Assert.StartsWith("Den stadsdel utanför åtgärdsområdet", suggestion.Reasons["control"], StringComparison.Ordinal);
        Assert.StartsWith("Efter: från dagen efter att åtgärden slutade till sista dagen med data (295 dagar)", suggestion.Reasons["periods"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnEvaluationWithWrongDatesOverlappingAreasAndABadFilterIsRefusedInSwedishAndNothingIsWritten()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var evaluations = scope.ServiceProvider.GetRequiredService<EffectEvaluations>();
        var measure = await NewMeasureAsync(scope.ServiceProvider, "Kameror vid Tensta centrum");

        var (saved, errors) = await evaluations.SaveAsync(measure, new EvaluationInput("kategori=vald", "0180-sd-tensta", "0180-so-jarva", "",
            new DateOnly(2025, 3, 1), new DateOnly(2025, 1, 1), new DateOnly(2024, 12, 1), new DateOnly(2025, 2, 1)), "test", Token);
        var (_, more) = await evaluations.SaveAsync(measure, new EvaluationInput("category=vald&area=0180-sd-tensta", "0180-sd-tensta,0180-sd-atlantis", "0180-sd-husby", "0180-sd-husby",
            new DateOnly(2024, 1, 1), new DateOnly(2024, 6, 30), new DateOnly(2025, 1, 1), new DateOnly(2025, 12, 31)), "test", Token);
        var (_, overlapping) = await evaluations.SaveAsync(measure, new EvaluationInput("", "0180-sd-tensta", "0180-sd-husby", "0180-sd-farsta",
            new DateOnly(2024, 1, 1), new DateOnly(2024, 12, 31), new DateOnly(2024, 12, 31), new DateOnly(2025, 12, 30)), "test", Token);

        Assert.Null(saved);
        Assert.StartsWith("Okänt filter 'kategori'", errors["incidentQuery"], StringComparison.Ordinal);
        Assert.Equal("Buffertzonen överlappar åtgärdsområdet: Järva.", errors["buffer"]);
        Assert.Equal("Välj minst ett jämförelseområde.", errors["control"]);
        Assert.Equal("Perioden före slutar innan den börjar.", errors["beforeTo"]);
        Assert.Equal("Områden och perioder anges i sina egna fält, inte i filtret. Filtret tar category, source och minAccuracy.", more["incidentQuery"]);
        Assert.Equal("Inget område har koden '0180-sd-atlantis'.", more["treated"]);
        Assert.Equal("Jämförelseområdet överlappar buffertzonen: Husby.", more["control"]);
        Assert.Equal("Perioderna ska vara lika långa för att antalen ska kunna jämföras: före är 182 dagar, efter 365.", more["afterTo"]);
        Assert.Equal("Perioden efter ska börja när perioden före har slutat; perioderna får inte överlappa.", overlapping["afterFrom"]);
        Assert.Single(overlapping);
        Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<AppDbContext>().EffectEvaluations.CountAsync(e => e.MeasureId == measure, Token));
    }

    [Fact]
    public async Task TheStoredCountsAreThoseOfTheIncidentsTableForTheSameAreasDatesAndCategory()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var measure = await NewMeasureAsync(scope.ServiceProvider, "Trygghetsvärdar i Järva och på Södermalm");
        var (before, after) = ((new DateOnly(2024, 3, 1), new DateOnly(2025, 2, 28)), (new DateOnly(2025, 3, 1), new DateOnly(2026, 2, 28)));

        var (evaluation, errors) = await scope.ServiceProvider.GetRequiredService<EffectEvaluations>().SaveAsync(measure,
            new EvaluationInput("category=vald", "0180-sd-rinkeby, 0180-sd-tensta", "0180-sd-husby", "0180-so-sodermalm", before.Item1, before.Item2, after.Item1, after.Item2, "  Prov  "), "analytiker@test", Token);

        Assert.Empty(errors);
        var areas = await db.Areas.AsNoTracking().Select(a => new { a.Id, a.ParentId, a.Code }).ToListAsync(Token);
        List<int> Within(params string[] codes)
        {
            var ids = areas.Where(a => codes.Contains(a.Code)).Select(a => a.Id).ToList();
            for (var i = 0; i < ids.Count; i++)
            {
                ids.AddRange(areas.Where(a => a.ParentId == ids[i]).Select(a => a.Id));
            }

            return ids;
        }

        async Task<int> CountAsync(List<int> ids, (DateOnly From, DateOnly To) period)
        {
            var (from, to) = (SwedishTime.ToUtc(period.From.ToDateTime(TimeOnly.MinValue)), SwedishTime.ToUtc(period.To.AddDays(1).ToDateTime(TimeOnly.MinValue)));
            return await db.Incidents.CountAsync(i => !i.IsSummary && i.Category == "vald" && i.AreaId != null && ids.Contains(i.AreaId.Value) && i.OccurredAt >= from && i.OccurredAt < to, Token);
        }

        var (treated, buffer, control) = (Within("0180-sd-rinkeby", "0180-sd-tensta"), Within("0180-sd-husby"), Within("0180-so-sodermalm"));
        Assert.Equal(
            (await CountAsync(treated, before), await CountAsync(treated, after), await CountAsync(buffer, before), await CountAsync(buffer, after), await CountAsync(control, before), await CountAsync(control, after)),
            (evaluation!.TreatedBefore, evaluation.TreatedAfter, evaluation.BufferBefore, evaluation.BufferAfter, evaluation.ControlBefore, evaluation.ControlAfter));
        Assert.True(evaluation.ControlBefore > 0);
        var stored = await db.EffectEvaluations.AsNoTracking().SingleAsync(e => e.MeasureId == measure, Token);
        Assert.Equal(("0180-sd-rinkeby,0180-sd-tensta", "Prov", "analytiker@test", app.Time.GetUtcNow()), (stored.TreatedAreaCodes, stored.Comment, stored.CreatedBy, stored.ComputedAt));
    }

    /// <summary>A measure of a plan of the test's own, so that nothing the demo holds is counted.</summary>
    internal static async Task<int> NewMeasureAsync(IServiceProvider services, string title)
    {
        var plans = services.GetRequiredService<Trygg.ActionPlans.ActionPlans>();
        var work = services.GetRequiredService<ProblemWork>();
        var (problem, _) = await work.CreateProblemAsync(new ProblemInput($"Problem för {title}"), "test", Token);
        var (cause, _) = await work.AddCauseAsync(problem!.Id, new CauseInput("En orsak", CauseSide.Place), Token);
        var (plan, _) = await plans.CreatePlanAsync($"Plan för {title}", null, [problem.Id], Token);
        var (measure, errors) = await plans.SaveMeasureAsync(plan!.Id, null, null,
            new MeasureInput(title, new DateOnly(2025, 3, 1), new DateOnly(2025, 10, 31), [cause!.Id], AreaCodes: "0180-sd-tensta"), Token);
        Assert.Empty(errors);
        return measure!.Id;
    }
}

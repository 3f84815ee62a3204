using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Trygg.Data;
using Trygg.FollowUp;
using Trygg.Web.Security;

namespace Trygg.Web.ActionPlans;

/// <summary>The measures' stored effect evaluations with their figures (WDQ, TNE, WDD with SE and CI) and conclusions, and a suggested setup.</summary>
public static class EvaluationsApi
{
    public static IEndpointRouteBuilder MapEvaluationsApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api").WithTags("Effektutvärderingar").RequireAuthorization(SecurityServices.ReadWorkPolicy);
        api.MapGet("/measures/{id:int}/evaluations", ListAsync).WithSummary("En åtgärds sparade effektutvärderingar, nyast först, med antal, WDQ, TNE, WDD och slutsats.");
        api.MapGet("/evaluations/{id:int}", GetAsync).WithSummary("En effektutvärdering: antal före och efter per område, WDQ, TNE, WDD med standardfel och 95 % konfidensintervall, slutsats, förbehåll och antal per månad.");
        api.MapGet("/measures/{id:int}/evaluation-suggestion", SuggestAsync).WithSummary("Ett förslag på upplägg för en åtgärds effektutvärdering: områden och perioder, med skälen.");
        return endpoints;
    }

    private static async Task<Results<Ok<List<EvaluationJson>>, NotFound>> ListAsync(int id, AppDbContext db, EffectEvaluations evaluations, CancellationToken cancellationToken)
    {
        if (!await db.Measures.AnyAsync(m => m.Id == id, cancellationToken))
        {
            return TypedResults.NotFound();
        }

        var list = new List<EvaluationJson>();
        foreach (var evaluation in await evaluations.ListAsync(id, cancellationToken))
        {
            list.Add(EvaluationJson.From(await evaluations.ResultAsync(evaluation, cancellationToken)));
        }

        return TypedResults.Ok(list);
    }

    private static async Task<Results<Ok<EvaluationJson>, NotFound>> GetAsync(int id, EffectEvaluations evaluations, CancellationToken cancellationToken) =>
        await evaluations.FindAsync(id, cancellationToken) is { } evaluation
            ? TypedResults.Ok(EvaluationJson.From(await evaluations.ResultAsync(evaluation, cancellationToken)))
            : TypedResults.NotFound();

    private static async Task<Results<Ok<SuggestionJson>, NotFound>> SuggestAsync(int id, EffectEvaluations evaluations, CancellationToken cancellationToken) =>
        await evaluations.SuggestAsync(id, cancellationToken) is { } suggestion
            ? TypedResults.Ok(new SuggestionJson(
                suggestion.Input.IncidentQuery ?? "", EffectEvaluations.Codes(suggestion.Input.TreatedAreaCodes), EffectEvaluations.Codes(suggestion.Input.BufferAreaCodes),
                EffectEvaluations.Codes(suggestion.Input.ControlAreaCodes), PeriodJson.Of(suggestion.Input.BeforeFrom, suggestion.Input.BeforeTo),
                PeriodJson.Of(suggestion.Input.AfterFrom, suggestion.Input.AfterTo), suggestion.Reasons))
            : TypedResults.NotFound();
}

public sealed record PeriodJson(DateOnly From, DateOnly To)
{
    public static PeriodJson? Of(DateOnly? from, DateOnly? to) => from is { } f && to is { } t ? new PeriodJson(f, t) : null;
}

public sealed record SuggestionJson(string IncidentQuery, List<string> TreatedAreaCodes, List<string> BufferAreaCodes, List<string> ControlAreaCodes,
    PeriodJson? Before, PeriodJson? After, IReadOnlyDictionary<string, string> Reasons);

public sealed record CountsJson(AreaCounts Treated, AreaCounts Buffer, AreaCounts Control);

public sealed record MonthJson(string Month, int Treated, int Buffer, int Control);

/// <summary>A stored evaluation as the API gives it: its setup, the counts as computed, the figures derived from them, and the texts.</summary>
public sealed record EvaluationJson(
    int Id, int MeasureId, string IncidentQuery, List<string> TreatedAreaCodes, List<string> BufferAreaCodes, List<string> ControlAreaCodes,
    PeriodJson Before, PeriodJson After, CountsJson Counts, double? SuccessMeasure, double? BufferMeasure, double? Wdq, double? TotalNetEffect,
    WddTest LocalWdd, WddTest Wdd, bool ControlSharedWithBuffer, string Conclusion, IReadOnlyList<string> Caveats, string Comment,
    DateTimeOffset ComputedAt, string CreatedBy, List<MonthJson> Months)
{
    public static EvaluationJson From(EvaluationResult result)
    {
        var (e, f) = (result.Evaluation, result.Figures);
        return new EvaluationJson(
            e.Id, e.MeasureId, e.IncidentQuery, EffectEvaluations.Codes(e.TreatedAreaCodes), EffectEvaluations.Codes(e.BufferAreaCodes), EffectEvaluations.Codes(e.ControlAreaCodes),
            new PeriodJson(e.BeforeFrom, e.BeforeTo), new PeriodJson(e.AfterFrom, e.AfterTo), new CountsJson(result.Treated, result.Buffer, result.Control),
            f.SuccessMeasure, f.BufferMeasure, f.Wdq, f.TotalNetEffect, f.Local, f.Wdd, f.ControlSharedWithBuffer, f.Conclusion, result.Caveats, e.Comment,
            e.ComputedAt, e.CreatedBy,
            result.Months.Select(m => new MonthJson(m.Month.ToString("yyyy-MM", CultureInfo.InvariantCulture), m.Treated, m.Buffer, m.Control)).ToList());
    }
}

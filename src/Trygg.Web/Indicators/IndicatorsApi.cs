using Microsoft.AspNetCore.Http.HttpResults;
using Trygg.Data;
using Trygg.Geography;
using Trygg.Indicators;
using Trygg.Web.Security;

namespace Trygg.Web.Indicators;

/// <summary>Indicators and their observations (population, Kolada KPIs, survey shares); a suppressed cell is listed without any figure.</summary>
public static class IndicatorsApi
{
    public static IEndpointRouteBuilder MapIndicatorsApi(this IEndpointRouteBuilder endpoints)
    {
        var indicators = endpoints.MapGroup("/api/indicators").WithTags("Indikatorer").RequireAuthorization(SecurityServices.ReadWorkPolicy);
        indicators.MapGet("", ListAsync)
            .WithSummary("Alla indikatorer med definition, källa, enhet, senaste period och områdena de har värden för.");
        indicators.MapGet("/{code}/observations", ObservationsAsync)
            .WithSummary("En indikators värden per område, period och grupp, med n och 95 %-intervall. Filter: area (koder åtskilda med komma), period, sex (kvinnor, män, alla), age, group. format=csv eller format=xlsx ger en fil. Celler med för få svar har inga värden.")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv");
        return endpoints;
    }

    private static async Task<Ok<List<IndicatorJson>>> ListAsync(IndicatorQueries queries, CancellationToken cancellationToken) =>
        TypedResults.Ok((await queries.ListAsync(cancellationToken)).OrderBy(s => s.Indicator.Code, StringComparer.Ordinal)
            .Select(s => new IndicatorJson(s.Indicator.Code, s.Indicator.Name, s.Indicator.Definition, s.Indicator.Unit, s.Indicator.Source, s.Indicator.Type.ToString(),
                s.Indicator.HigherIsBetter, Dimensions(s.Indicator), s.LatestPeriod, s.AreaCodes))
            .ToList());

    private static async Task<Results<Ok<List<ObservationJson>>, FileContentHttpResult, NotFound, ValidationProblem>> ObservationsAsync(
        string code, HttpRequest request, IndicatorQueries queries, AppDbContext db, string? format, CancellationToken cancellationToken)
    {
        var indicator = await queries.FindAsync(code, cancellationToken);
        if (indicator is null)
        {
            return TypedResults.NotFound();
        }

        var (filter, errors) = ObservationFilter.Read(name => request.Query[name]);
        if (format is not (null or "json" or "csv" or "xlsx"))
        {
            errors["format"] = ["Ange format=json, format=csv eller format=xlsx."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "Felaktiga filter");
        }

        var observations = await queries.ObservationsAsync(indicator.Id, filter, cancellationToken);
        var directory = await AreaDirectory.LoadAsync(db, cancellationToken);
        string? AreaName(string areaCode) => directory.Find(areaCode)?.Name;
        return format switch
        {
            "csv" => TypedResults.File(IndicatorExport.Csv(indicator, observations, AreaName), "text/csv; charset=utf-8", $"{indicator.Code}.csv"),
            "xlsx" => TypedResults.File(IndicatorExport.Xlsx(indicator, observations, AreaName), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"{indicator.Code}.xlsx"),
            _ => TypedResults.Ok(observations.Select(o => new ObservationJson(o.AreaCode, AreaName(o.AreaCode), o.Period, o.Sex, o.AgeBand, o.Group,
                o.Suppressed ? null : o.Value, o.Suppressed ? null : o.N, o.Suppressed ? null : o.Low, o.Suppressed ? null : o.High, o.Suppressed)).ToList()),
        };
    }

    private static string[] Dimensions(Indicator indicator) => indicator.Dimensions.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public sealed record IndicatorJson(string Code, string Name, string Definition, string Unit, string Source, string Type, bool HigherIsBetter, string[] Dimensions,
        string? LatestPeriod, IReadOnlyList<string> Areas);

    /// <summary>One cell; value, n and interval are null when it is suppressed (too few respondents).</summary>
    public sealed record ObservationJson(string Area, string? AreaName, string Period, string Sex, string AgeBand, string Group, double? Value, double? N, double? Low, double? High, bool Suppressed);
}

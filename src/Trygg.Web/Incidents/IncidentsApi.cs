using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Trygg.Data;
using Trygg.Geography;
using Trygg.Incidents;
using Trygg.Web.Security;

namespace Trygg.Web.Incidents;

public static class IncidentsApi
{
    public const int MaxPageSize = 1000;

    private static readonly Dictionary<string, IncidentGrouping> Groupings = new(StringComparer.OrdinalIgnoreCase)
    {
        ["area"] = IncidentGrouping.Area,
        ["category"] = IncidentGrouping.Category,
        ["month"] = IncidentGrouping.Month,
        ["week"] = IncidentGrouping.Week,
        ["weekday-hour"] = IncidentGrouping.WeekdayHour,
    };

    public static IEndpointRouteBuilder MapIncidentsApi(this IEndpointRouteBuilder endpoints)
    {
        var incidents = endpoints.MapGroup("/api/incidents").WithTags("Händelser").RequireAuthorization(SecurityServices.ReadWorkPolicy);
        incidents.MapGet("/", ListAsync)
            .WithSummary("Händelser, nyast först. Filter: from, to (ÅÅÅÅ-MM-DD), category (kommaseparerade koder), area (kod, med underliggande områden), source, minAccuracy (point|stadsdel|stadsdelsomrade|kommun|lan); page, pageSize (högst 1000).");
        incidents.MapGet("/export", ExportAsync)
            .WithSummary("Alla händelser som matchar filtren som fil: format=csv (semikolon, UTF-8) eller format=xlsx. Högst 1 000 000 rader.");
        incidents.MapGet("/aggregate", AggregateAsync)
            .WithSummary("Antal händelser per area (med level), category, month, week eller weekday-hour; samma filter. CSV med Accept: text/csv.")
            .Produces<List<AggregateRow>>(contentType: "application/json")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv");
        return endpoints;
    }

    private static async Task<Results<Ok<IncidentPage>, ValidationProblem>> ListAsync(
        HttpRequest request, AppDbContext db, IncidentStore store, int? page, int? pageSize, CancellationToken cancellationToken)
    {
        var columns = await store.GetAsync(db, cancellationToken);
        var (filter, errors) = IncidentQueryParameters.Read(name => request.Query[name]).Parse(columns);
        var (pageNumber, size) = (page ?? 1, pageSize ?? 100);
        if (pageNumber < 1)
        {
            errors["page"] = ["Sidan räknas från 1."];
        }

        if (size is < 1 or > MaxPageSize)
        {
            errors["pageSize"] = [$"Sidstorleken ska vara mellan 1 och {MaxPageSize}."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "Felaktiga filter");
        }

        var (total, ids) = new IncidentQuery(columns).Page(filter, pageNumber, size);
        var items = (await IncidentRow.LoadAsync(db, ids, cancellationToken))
            .Select(i => new IncidentItem(i.Id, i.Source, i.ExternalId, i.OccurredAt, i.Category, i.Type, i.AreaCode, i.Accuracy.ToApiName(), i.Text))
            .ToList();
        return TypedResults.Ok(new IncidentPage(items, total, pageNumber, size));
    }

    private static async Task<Results<Ok<IReadOnlyList<AggregateRow>>, FileContentHttpResult, ValidationProblem>> AggregateAsync(
        HttpRequest request, AppDbContext db, IncidentStore store, string? by, string? level, CancellationToken cancellationToken)
    {
        var columns = await store.GetAsync(db, cancellationToken);
        var (filter, errors) = IncidentQueryParameters.Read(name => request.Query[name]).Parse(columns);
        var grouping = IncidentGrouping.Area;
        if (by is null || !Groupings.TryGetValue(by, out grouping))
        {
            errors["by"] = ["Ange by=area, category, month, week eller weekday-hour."];
        }

        if (!IncidentQueryParameters.TryParseLevel(level, out var areaLevel))
        {
            errors["level"] = ["Nivån finns inte. Välj kommun, stadsdelsomrade eller stadsdel."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "Felaktiga filter");
        }

        var rows = new IncidentQuery(columns).Aggregate(filter, grouping, areaLevel);
        if (request.Headers.Accept.Any(a => a?.Contains("text/csv", StringComparison.OrdinalIgnoreCase) == true))
        {
            return TypedResults.File(Csv(rows), "text/csv; charset=utf-8", $"handelser-per-{by}.csv");
        }

        return TypedResults.Ok(rows);
    }

    public const int MaxExportRows = 1_000_000;

    private static async Task<Results<FileContentHttpResult, ValidationProblem>> ExportAsync(
        HttpRequest request, AppDbContext db, IncidentStore store, string? format, CancellationToken cancellationToken)
    {
        var columns = await store.GetAsync(db, cancellationToken);
        var (filter, errors) = IncidentQueryParameters.Read(name => request.Query[name]).Parse(columns);
        if (format is not ("csv" or "xlsx"))
        {
            errors["format"] = ["Ange format=csv eller format=xlsx."];
        }

        var (total, ids) = new IncidentQuery(columns).Page(filter, 1, MaxExportRows);
        if (total > MaxExportRows)
        {
            errors["format"] = [$"Urvalet har {total:N0} händelser; en fil rymmer högst {MaxExportRows:N0}. Begränsa urvalet, t.ex. med datum."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "Felaktiga filter");
        }

        var rows = await IncidentRow.LoadAsync(db, ids, cancellationToken);
        return format == "xlsx"
            ? TypedResults.File(IncidentExport.Xlsx(rows), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "handelser.xlsx")
            : TypedResults.File(IncidentExport.Csv(rows), "text/csv; charset=utf-8", "handelser.csv");
    }

    /// <summary>Semicolon-separated UTF-8 with BOM: what Swedish Excel opens without asking.</summary>
    public static byte[] Csv(IEnumerable<AggregateRow> rows)
    {
        var csv = new StringBuilder("nyckel;namn;antal\r\n");
        foreach (var row in rows)
        {
            csv.Append(row.Key).Append(';').Append('"').Append(row.Label.Replace("\"", "\"\"", StringComparison.Ordinal)).Append("\";")
                .Append(row.Count.ToString(CultureInfo.InvariantCulture)).Append("\r\n");
        }

        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv.ToString())];
    }
}

public sealed record IncidentPage(IReadOnlyList<IncidentItem> Items, int Total, int Page, int PageSize);

public sealed record IncidentItem(
    long Id, string Source, string ExternalId, DateTime OccurredAt, string? Category, string Type, string? AreaCode, string Accuracy, string? Text);

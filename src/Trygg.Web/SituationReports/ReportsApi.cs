using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Trygg.Data;
using Trygg.SituationReports;
using Trygg.Web.Security;

namespace Trygg.Web.SituationReports;

/// <summary>Lägesbilder over the API: list, draft a new one, read one with its sections and the figures behind its numbers.</summary>
public static class ReportsApi
{
    public static IEndpointRouteBuilder MapReportsApi(this IEndpointRouteBuilder endpoints)
    {
        var reports = endpoints.MapGroup("/api/reports").WithTags("Lägesbilder").RequireAuthorization(SecurityServices.ReadWorkPolicy);
        reports.MapGet("/", ListAsync).WithSummary("Alla lägesbilder, senast ändrad först.");
        reports.MapPost("/", CreateAsync).RequireAuthorization(SecurityServices.DraftReportsPolicy)
            .WithSummary("Skriver ett utkast: {area (en kod, eller flera med komma för en egen samling), name?, period (2025 | 2025-T2 | 2025-01-01..2025-06-30), comparison?, references? (koder med komma), title?}.");
        reports.MapGet("/{id:int}", GetAsync).WithSummary("En lägesbild med avsnitten, deras text och talen bakom texten (fråga + värde).");
        reports.MapGet("/{id:int}/docx", DocxAsync).WithSummary("Lägesbilden som Word-dokument; public=true ger den offentliga sammanfattningen.")
            .Produces(StatusCodes.Status200OK, contentType: DocxType);
        return endpoints;
    }

    private static async Task<Ok<List<ReportSummary>>> ListAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        var reports = await db.SituationReports.AsNoTracking().ToListAsync(cancellationToken);
        return TypedResults.Ok(reports.OrderByDescending(r => r.UpdatedAt).Select(Summary).ToList());
    }

    private static async Task<Results<Created<ReportDetail>, ValidationProblem>> CreateAsync(
        NewReportRequest request, Trygg.SituationReports.SituationReports service, HttpContext context, CancellationToken cancellationToken)
    {
        var (report, errors) = await service.CreateAsync(
            new NewReport(request.Area is null ? null : [request.Area], request.Period, request.Comparison, request.Title, request.Name, request.References is null ? null : [request.References]),
            context.User.Identity?.Name ?? "", cancellationToken);
        if (report is null)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary(e => e.Key, e => new[] { e.Value }), title: "Lägesbilden kan inte skrivas");
        }

        return TypedResults.Created($"/api/reports/{report.Id}", Detail((await service.FindAsync(report.Id, cancellationToken))!));
    }

    private static async Task<Results<Ok<ReportDetail>, NotFound>> GetAsync(int id, Trygg.SituationReports.SituationReports service, CancellationToken cancellationToken) =>
        await service.FindAsync(id, cancellationToken) is { } report ? TypedResults.Ok(Detail(report)) : TypedResults.NotFound();

    public const string DocxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    private static async Task<Results<FileContentHttpResult, NotFound>> DocxAsync(int id, bool? @public, Trygg.SituationReports.SituationReports service, CancellationToken cancellationToken)
    {
        if (await service.FindAsync(id, cancellationToken) is not { } report)
        {
            return TypedResults.NotFound();
        }

        var name = $"lagesbild-{Trygg.Geography.AreaCodes.Slug(report.AreaName)}-{report.From:yyyy-MM-dd}{(@public == true ? "-offentlig" : "")}.docx";
        return TypedResults.File(await service.DocxAsync(report, @public == true, cancellationToken), DocxType, name);
    }

    private static ReportSummary Summary(SituationReport r) =>
        new(r.Id, r.Title, r.AreaCodes, r.AreaName, r.ReferenceAreas, r.From, r.To, r.ComparisonFrom, r.ComparisonTo, r.Status.ToString(), r.Version);

    private static ReportDetail Detail(SituationReport r) => new(
        Summary(r), r.Committee, r.AdoptedOn, r.DiaryNumber,
        r.Sections.Select(s => new SectionDetail(s.Key, s.Title, s.Kind.ToString(), s.OrganisationId, s.Text, s.IsPublic,
            s.ReadFigures())).ToList(),
        r.Sections.Where(s => s.Kind == SectionKind.Perspective && s.Text.Length == 0).Select(s => s.Key).ToList());
}

public sealed record NewReportRequest(string? Area, string? Period, string? Comparison = null, string? Title = null, string? Name = null, string? References = null);

public sealed record ReportSummary(int Id, string Title, string Area, string AreaName, IReadOnlyList<string> References, DateOnly From, DateOnly To, DateOnly ComparisonFrom, DateOnly ComparisonTo, string Status, int Version);

public sealed record ReportDetail(ReportSummary Report, string? Committee, DateOnly? AdoptedOn, string? DiaryNumber, IReadOnlyList<SectionDetail> Sections, IReadOnlyList<string> MissingPerspectives);

public sealed record SectionDetail(string Key, string Title, string Kind, int? OrganisationId, string Text, bool IsPublic, IReadOnlyList<Figure> Figures);

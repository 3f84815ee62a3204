using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Trygg.ActionPlans;
using Trygg.FollowUp;
using Trygg.Geography;
using Trygg.Problems;
using Trygg.Web.Security;
using Trygg.Web.SituationReports;

namespace Trygg.Web.ActionPlans;

/// <summary>The follow-up as documents (tertial reports per plan and for the municipality, the orsaksanalys) and who still has to report.</summary>
public static class FollowUpDocsApi
{
    public static IEndpointRouteBuilder MapFollowUpDocsApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api").WithTags("Åtgärdsplaner").RequireAuthorization(SecurityServices.ReadWorkPolicy);
        api.MapGet("/plans/{id:int}/tertial-report.docx", PlanReportAsync).WithSummary("Planens tertialrapport som Word-dokument (tertial=2025-T3, standard det pågående).");
        api.MapGet("/plans/tertial-report.docx", MunicipalityReportAsync).WithSummary("Kommunens tertialrapport med alla planer som Word-dokument (tertial=2025-T3, standard det pågående).");
        api.MapGet("/problems/{id:int}/root-cause.docx", RootCauseAsync).WithSummary("Problemets orsaksanalys som Word-dokument.");
        api.MapGet("/reminders", RemindersAsync).WithSummary("Åtgärder som pågår under tertialet men inte är uppföljda, per ansvarig organisation (tertial=2025-T3, standard det pågående).");
        return endpoints;
    }

    private static async Task<Results<FileContentHttpResult, NotFound, ValidationProblem>> PlanReportAsync(
        int id, string? tertial, Trygg.ActionPlans.ActionPlans plans, TertialReportDocx reports, Data.AppDbContext db, CancellationToken cancellationToken)
    {
        if (!ActionPlansApi.TryTertial(tertial, plans, out var period, out var problem))
        {
            return problem;
        }

        var title = await db.ActionPlans.Where(p => p.Id == id).Select(p => p.Title).FirstOrDefaultAsync(cancellationToken);
        if (title is null || await reports.PlanAsync(id, period, cancellationToken) is not { } document)
        {
            return TypedResults.NotFound();
        }

        return TypedResults.File(document, ReportsApi.DocxType, $"tertialrapport-{AreaCodes.Slug(title)}-{AreaCodes.Slug(period.ToString())}.docx");
    }

    private static async Task<Results<FileContentHttpResult, ValidationProblem>> MunicipalityReportAsync(
        string? tertial, Trygg.ActionPlans.ActionPlans plans, TertialReportDocx reports, CancellationToken cancellationToken)
    {
        if (!ActionPlansApi.TryTertial(tertial, plans, out var period, out var problem))
        {
            return problem;
        }

        return TypedResults.File(await reports.MunicipalityAsync(period, cancellationToken), ReportsApi.DocxType, $"tertialrapport-alla-planer-{AreaCodes.Slug(period.ToString())}.docx");
    }

    private static async Task<Results<FileContentHttpResult, NotFound>> RootCauseAsync(int id, RootCauseDocx documents, Data.AppDbContext db, CancellationToken cancellationToken)
    {
        var title = await db.Problems.Where(p => p.Id == id).Select(p => p.Title).FirstOrDefaultAsync(cancellationToken);
        if (title is null || await documents.WriteAsync(id, cancellationToken) is not { } document)
        {
            return TypedResults.NotFound();
        }

        return TypedResults.File(document, ReportsApi.DocxType, $"orsaksanalys-{AreaCodes.Slug(title)}.docx");
    }

    private static async Task<Results<Ok<RemindersJson>, ValidationProblem>> RemindersAsync(
        string? tertial, Trygg.ActionPlans.ActionPlans plans, FollowUpReminders reminders, CancellationToken cancellationToken)
    {
        if (!ActionPlansApi.TryTertial(tertial, plans, out var period, out var problem))
        {
            return problem;
        }

        var groups = await reminders.ForAsync(period, cancellationToken);
        return TypedResults.Ok(new RemindersJson(period.ToString(), groups.Sum(g => g.Measures.Count), groups));
    }
}

/// <summary>The tertial, how many measures are not followed up, and those measures per responsible organisation.</summary>
public sealed record RemindersJson(string Tertial, int Count, IReadOnlyList<ReminderGroup> Organisations);

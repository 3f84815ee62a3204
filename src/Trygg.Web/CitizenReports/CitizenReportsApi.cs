using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Trygg.Data;

namespace Trygg.Web.CitizenReports;

/// <summary>
/// What the residents' pages fetch beside their HTML: the published reports for the public map (masked places only), the
/// resident's photo through the secret of their link, and a report's photo for those who moderate it. The Open311 API is
/// <c>Open311Api</c>.
/// </summary>
public static class CitizenReportsApi
{
    public static IEndpointRouteBuilder MapCitizenReportsApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/citizen-reports/public", PublishedAsync).AllowAnonymous().WithTags("Medborgarrapporter")
            .WithSummary("Publicerade medborgarrapporter med platsen maskerad per kategori, för den öppna kartan. Inga kontaktuppgifter.");
        endpoints.MapGet("/api/citizen-reports/nearby", NearbyAsync).AllowAnonymous().WithTags("Medborgarrapporter")
            .WithSummary("Hur många öppna rapporter av samma slag som finns inom 250 m från en punkt (lat, lon i WGS84): formulärets \"samma problem?\" medan nålen flyttas.");
        endpoints.MapGet("/report/{followKey}/photo", ResidentPhotoAsync).AllowAnonymous().ExcludeFromDescription();
        endpoints.MapGet("/moderation/{id:long}/photo", ModeratorPhotoAsync).RequireAuthorization(policy => policy.RequireRole(ModerationAccess.Roles.Split(','))).ExcludeFromDescription();
        return endpoints;
    }

    private static async Task<Ok<PublishedReports>> PublishedAsync(AppDbContext db, IStringLocalizer<SharedResource> l, CancellationToken cancellationToken)
    {
        var services = await db.ReportServices.AsNoTracking().ToDictionaryAsync(s => s.Code, cancellationToken);
        var reports = await PublicReportList.LoadAsync(db, cancellationToken);
        return TypedResults.Ok(new PublishedReports(reports.Where(r => r.Latitude is not null)
            .Select(r => new PublishedReport(r.Report.Id, ReportText.Name(services, r.Report.ServiceCode), l[ReportText.StatusWord(r.Report.Status)], r.Latitude, r.Longitude, r.Report.AreaCode))
            .ToList()));
    }

    /// <summary>Only how many and how far: the reports themselves are shown by the form's next step, where the resident can add themselves.</summary>
    private static async Task<Results<Ok<NearbyReports>, BadRequest<string>>> NearbyAsync(string? service, double? lat, double? lon, Trygg.CitizenReports.CitizenReports reports, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(service) || lat is not (>= -90 and <= 90) || lon is not (>= -180 and <= 180))
        {
            return TypedResults.BadRequest("Ange service, lat och lon (WGS84-grader).");
        }

        var nearby = await reports.NearbyAsync(service, lat.Value, lon.Value, cancellationToken);
        return TypedResults.Ok(new NearbyReports(nearby.Count, nearby.Select(n => Math.Round(n.Metres)).ToList()));
    }

    private static async Task<Results<FileContentHttpResult, NotFound>> ResidentPhotoAsync(string followKey, AppDbContext db, CancellationToken cancellationToken) =>
        await PhotoAsync(db, await db.CitizenReports.Where(r => r.FollowKey == followKey).Select(r => r.PhotoId).FirstOrDefaultAsync(cancellationToken), cancellationToken);

    private static async Task<Results<FileContentHttpResult, NotFound>> ModeratorPhotoAsync(long id, HttpContext context, AppDbContext db, CancellationToken cancellationToken)
    {
        var report = await db.CitizenReports.Where(r => r.Id == id).Select(r => new { r.PhotoId, r.AssignedOrganisationId }).FirstOrDefaultAsync(cancellationToken);
        var organisations = await db.Organisations.AsNoTracking().ToListAsync(cancellationToken);
        return report is null || !ModerationAccess.MayModerate(context.User, report.AssignedOrganisationId, organisations)
            ? TypedResults.NotFound()
            : await PhotoAsync(db, report.PhotoId, cancellationToken);
    }

    private static async Task<Results<FileContentHttpResult, NotFound>> PhotoAsync(AppDbContext db, long? photoId, CancellationToken cancellationToken)
    {
        var photo = photoId is { } id ? await db.Photos.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, cancellationToken) : null;
        return photo is null ? TypedResults.NotFound() : TypedResults.File(photo.Data, photo.ContentType);
    }

    /// <summary>How many open reports of the same kind lie within 250 m, and how far each is (metres, nearest first).</summary>
    public sealed record NearbyReports(int Count, IReadOnlyList<double> Metres);

    public sealed record PublishedReports(IReadOnlyList<PublishedReport> Reports);

    /// <summary>A report on the public map, at its masked place.</summary>
    public sealed record PublishedReport(long Id, string Service, string Status, double? Latitude, double? Longitude, string Area);
}

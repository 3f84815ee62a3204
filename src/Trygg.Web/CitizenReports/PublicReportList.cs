using Microsoft.EntityFrameworkCore;
using Trygg.CitizenReports;
using Trygg.Data;

namespace Trygg.Web.CitizenReports;

/// <summary>
/// What the public may see of residents' reports: approved ones only (a merged duplicate counts on its original), placed as
/// their service allows (<see cref="Trygg.CitizenReports.CitizenReports.PublicPlace"/>: exact, at the centre of the 250 m square,
/// or the stadsdel alone), with the status and the city's answer. The report given here is a copy that holds no place, no
/// address where the place is masked, no description where only the area may be shown, and no link secrets; contact details
/// are never read.
/// </summary>
public static class PublicReportList
{
    /// <summary>The most recent published reports (by id, the order they were filed in): a public page is not an export.</summary>
    public const int Limit = 500;

    public static async Task<IReadOnlyList<PublicReport>> LoadAsync(AppDbContext db, CancellationToken cancellationToken = default)
    {
        var services = await db.ReportServices.AsNoTracking().ToDictionaryAsync(s => s.Code, cancellationToken);
        var reports = await db.CitizenReports.AsNoTracking().Include(r => r.Events)
            .Where(r => r.Moderation == ModerationState.Approved && r.Status != ReportStatus.Duplicate)
            .OrderByDescending(r => r.Id).Take(Limit).ToListAsync(cancellationToken);
        return reports.Select(r =>
        {
            var masking = services.TryGetValue(r.ServiceCode, out var service) ? service.Masking : LocationMasking.AreaOnly;
            var place = Trygg.CitizenReports.CitizenReports.PublicPlace(r, masking);
            var shown = new CitizenReport
            {
                Id = r.Id, ServiceCode = r.ServiceCode, Status = r.Status, AssignedOrganisationId = r.AssignedOrganisationId, ResponsibleElsewhere = r.ResponsibleElsewhere,
                AreaCode = r.AreaCode, RequestedAt = r.RequestedAt, ClosedAt = r.ClosedAt, Supporters = r.Supporters, Moderation = r.Moderation,
                AddressString = masking == LocationMasking.Exact ? r.AddressString : "",
                Description = masking == LocationMasking.AreaOnly ? "" : r.Description,
                Events = r.Events.Select(e => new ReportEvent { Id = e.Id, At = e.At, Status = e.Status, Note = e.Note, By = e.By.Length > 0 ? "staden" : "" }).ToList(),
                FollowKey = "", Token = "",
            };
            return new PublicReport(shown, masking, place?.Latitude, place?.Longitude);
        }).ToList();
    }
}

/// <summary>A published report with the place it may be shown at (none when only its stadsdel may be).</summary>
public sealed record PublicReport(CitizenReport Report, LocationMasking Masking, double? Latitude, double? Longitude);

using Microsoft.EntityFrameworkCore;
using Trygg.Data;

namespace Trygg.CitizenReports;

/// <summary>
/// The reports anyone may read, as Open311's GET requests answers them: approved reports only (pending and hidden ones are
/// not public), the place only as precisely as the service's masking allows, the status with its public answer. The contact
/// details are never read here, so they cannot leak into an answer.
/// </summary>
public sealed class PublishedReports(AppDbContext db, TimeProvider time)
{
    /// <summary>Open311's longest span of start_date to end_date, and the default window: the last 90 days.</summary>
    public static readonly TimeSpan MaxSpan = TimeSpan.FromDays(90);

    /// <summary>Open311's default and largest answer.</summary>
    public const int MaxPageSize = 1000;

    /// <summary>
    /// The published reports the query selects, newest first. Ids override every other filter (as Open311 says); otherwise the
    /// window is the last 90 days unless start_date/end_date or updated_after say otherwise. Returns a Swedish error, keyed by
    /// the parameter, when the window is wrong.
    /// </summary>
    public async Task<(IReadOnlyList<PublishedReport> Reports, KeyValuePair<string, string>? Error)> ListAsync(PublishedReportQuery query, CancellationToken cancellationToken = default)
    {
        var reports = db.CitizenReports.AsNoTracking().Where(r => r.Moderation == ModerationState.Approved);
        var pageSize = Math.Clamp(query.PageSize, 1, MaxPageSize);
        var skip = (Math.Max(query.Page, 1) - 1) * pageSize;
        if (query.Ids is { Count: > 0 } ids)
        {
            reports = reports.Where(r => ids.Contains(r.Id)).OrderByDescending(r => r.Id).Skip(skip).Take(pageSize);
        }
        else
        {
            var (from, to, error) = Window(query);
            if (error is not null)
            {
                return ([], error);
            }

            if (query.ServiceCodes is { Count: > 0 } codes)
            {
                reports = reports.Where(r => codes.Contains(r.ServiceCode));
            }

            if (query.Open is { } open)
            {
                reports = open
                    ? reports.Where(r => r.Status == ReportStatus.Received || r.Status == ReportStatus.Assigned || r.Status == ReportStatus.InProgress)
                    : reports.Where(r => r.Status != ReportStatus.Received && r.Status != ReportStatus.Assigned && r.Status != ReportStatus.InProgress);
            }

            // SQLite keeps a DateTimeOffset as text, which EF will not compare: the window is applied here, over the two times of
            // the published reports the other filters select, and the page is then read by id.
            var times = await reports.Select(r => new { r.Id, r.RequestedAt, r.UpdatedAt }).ToListAsync(cancellationToken);
            var page = times
                .Where(r => (from is null || (r.RequestedAt >= from && r.RequestedAt <= to)) && (query.UpdatedAfter is not { } after || r.UpdatedAt > after))
                .OrderByDescending(r => r.Id).Skip(skip).Take(pageSize).Select(r => r.Id).ToList();
            reports = db.CitizenReports.AsNoTracking().Where(r => page.Contains(r.Id));
        }

        var rows = await reports.OrderByDescending(r => r.Id)
            .Select(r => new Row(r, r.Events.OrderByDescending(e => e.Id).Select(e => e.Note).FirstOrDefault(),
                db.Organisations.Where(o => o.Id == r.AssignedOrganisationId).Select(o => o.Name).FirstOrDefault()))
            .ToListAsync(cancellationToken);
        return (await PublishAsync(rows, query.English, cancellationToken), null);
    }

    /// <summary>One published report, or null when there is none with the id or it is not approved.</summary>
    public async Task<PublishedReport?> FindAsync(long id, bool english = false, CancellationToken cancellationToken = default)
    {
        var (reports, _) = await ListAsync(new PublishedReportQuery { Ids = [id], English = english }, cancellationToken);
        return reports.SingleOrDefault();
    }

    /// <summary>The id of the report with Open311's token, whether published yet or not: the id alone reveals nothing.</summary>
    public async Task<long?> IdOfTokenAsync(string token, CancellationToken cancellationToken = default) =>
        await db.CitizenReports.Where(r => r.Token == token).Select(r => (long?)r.Id).FirstOrDefaultAsync(cancellationToken);

    /// <summary>The active services in the catalogue's order (Open311's GET services).</summary>
    public async Task<IReadOnlyList<ReportService>> ServicesAsync(CancellationToken cancellationToken = default) =>
        await db.ReportServices.AsNoTracking().Where(s => s.IsActive).OrderBy(s => s.Id).ToListAsync(cancellationToken);

    /// <summary>The attributes a service asks for, in their order (Open311's service definition).</summary>
    public static IReadOnlyList<ServiceAttribute> AttributesOf(ReportService service) =>
        (System.Text.Json.JsonSerializer.Deserialize<List<ServiceAttribute>>(service.AttributesJson, CitizenReports.Json) ?? []).OrderBy(a => a.Order).ToList();

    /// <summary>The requested window: both ends, none (when only updated_after is asked) or an error.</summary>
    private (DateTimeOffset? From, DateTimeOffset? To, KeyValuePair<string, string>? Error) Window(PublishedReportQuery query)
    {
        var (start, end) = (query.StartDate, query.EndDate);
        if (start is null && end is null)
        {
            if (query.UpdatedAfter is not null)
            {
                return (null, null, null);
            }

            var now = time.GetUtcNow();
            return (now - MaxSpan, now, null);
        }

        var from = start ?? end!.Value - MaxSpan;
        var to = end ?? start!.Value + MaxSpan;
        if (to < from)
        {
            return (null, null, new("end_date", "end_date ligger före start_date."));
        }

        return to - from > MaxSpan
            ? (null, null, new("end_date", "start_date och end_date får ligga högst 90 dagar isär. Fråga efter en period i taget."))
            : (from, to, null);
    }

    private async Task<IReadOnlyList<PublishedReport>> PublishAsync(List<Row> rows, bool english, CancellationToken cancellationToken)
    {
        if (rows.Count == 0)
        {
            return [];
        }

        var services = await db.ReportServices.AsNoTracking().ToDictionaryAsync(s => s.Code, StringComparer.Ordinal, cancellationToken);
        var areaCodes = rows.Select(r => r.Report.AreaCode).Where(c => c.Length > 0).Distinct().ToList();
        var areas = await db.Areas.AsNoTracking().Where(a => areaCodes.Contains(a.Code)).ToDictionaryAsync(a => a.Code, a => a.Name, StringComparer.Ordinal, cancellationToken);
        return rows.Select(row =>
        {
            var report = row.Report;
            var service = services.GetValueOrDefault(report.ServiceCode);
            var masking = service?.Masking ?? LocationMasking.AreaOnly;
            var place = CitizenReports.PublicPlace(report, masking);
            var area = areas.GetValueOrDefault(report.AreaCode) ?? "";

            // An address is as exact as a point: where the place is masked only the stadsdel is named.
            var address = masking == LocationMasking.Exact && report.AddressString.Length > 0 ? report.AddressString : area;
            var agency = report.Status == ReportStatus.NotOurResponsibility ? report.ResponsibleElsewhere : row.Organisation ?? "";
            var name = english && service is { NameEnglish.Length: > 0 } ? service.NameEnglish : service?.Name ?? report.ServiceCode;
            return new PublishedReport(
                report.Id, CitizenReports.Open311Status(report), StatusNotes(report, row.LastNote), name, report.ServiceCode, report.Description, agency,
                report.RequestedAt, report.UpdatedAt, report.ExpectedAt, address, report.AreaCode, place?.Latitude, place?.Longitude, report.MediaUrl);
        }).ToList();
    }

    /// <summary>What the status is, in words, with the public answer: Open311's open and closed say too little.</summary>
    private static string StatusNotes(CitizenReport report, string? note)
    {
        var status = report.Status switch
        {
            ReportStatus.Received => "Mottagen",
            ReportStatus.Assigned => "Tilldelad",
            ReportStatus.InProgress => "Pågår",
            ReportStatus.Fixed => "Åtgärdad",
            ReportStatus.ClosedNotFixed => "Stängd utan åtgärd",
            ReportStatus.NotOurResponsibility => $"Inte kommunens ansvar ({report.ResponsibleElsewhere})",
            ReportStatus.Duplicate => $"Samma som rapport {report.DuplicateOfId}",
        };
        return string.IsNullOrWhiteSpace(note) ? $"{status}." : $"{status}: {note}";
    }

    private sealed record Row(CitizenReport Report, string? LastNote, string? Organisation);
}

/// <summary>Open311's filters of GET requests, with the common extensions (page, page_size, updated_after, lang).</summary>
public sealed record PublishedReportQuery
{
    public IReadOnlyList<long>? Ids { get; init; }

    public IReadOnlyList<string>? ServiceCodes { get; init; }

    public DateTimeOffset? StartDate { get; init; }

    public DateTimeOffset? EndDate { get; init; }

    /// <summary>Only reports whose status changed (or that were otherwise updated) after this time.</summary>
    public DateTimeOffset? UpdatedAfter { get; init; }

    /// <summary>True for open, false for closed, null for both.</summary>
    public bool? Open { get; init; }

    public int Page { get; init; } = 1;

    public int PageSize { get; init; } = PublishedReports.MaxPageSize;

    /// <summary>The services' English names instead of the Swedish.</summary>
    public bool English { get; init; }
}

/// <summary>A report as the public sees it: the place masked, the status in Open311's words and ours, no contact details.</summary>
public sealed record PublishedReport(
    long Id, string Status, string StatusNotes, string ServiceName, string ServiceCode, string Description, string AgencyResponsible,
    DateTimeOffset RequestedAt, DateTimeOffset UpdatedAt, DateTimeOffset? ExpectedAt, string Address, string AreaCode, double? Latitude, double? Longitude,
    string MediaUrl);

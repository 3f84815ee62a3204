using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Trygg.Data;
using Trygg.Geography;
using Trygg.Incidents;

namespace Trygg.CitizenReports;

/// <summary>
/// Residents' reports from filing to closing: what the form and the Open311 API submit (validated, personal data in the
/// description refused, the place found in its stadsdel, the contact details stored apart), the suggestions of the same
/// problem nearby, the resident's link to follow and reopen, and the moderation (approve, hide, correct, merge, assign,
/// answer, close with a reason). An approved report becomes an incident with its own source, so it counts in the analysis.
/// </summary>
public sealed class CitizenReports(AppDbContext db, AreaShapes shapes, TimeProvider time)
{
    public const string Source = "medborgare";

    /// <summary>How near (metres) an open report of the same kind must be to be suggested as the same problem.</summary>
    public const double NearbyMetres = 250;

    /// <summary>How long after closing the resident may reopen.</summary>
    public static readonly TimeSpan ReopenWithin = TimeSpan.FromDays(30);

    /// <summary>
    /// Files a report. The errors are keyed by the Open311 parameter they concern (service_code, lat, long, address_string,
    /// description, attribute[code], email, media); nothing is written when there is one.
    /// </summary>
    public async Task<(CitizenReport? Report, Dictionary<string, string> Errors)> SubmitAsync(ReportSubmission input, int? apiKeyId = null, CancellationToken cancellationToken = default)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var service = string.IsNullOrWhiteSpace(input.ServiceCode) ? null
            : await db.ReportServices.AsNoTracking().FirstOrDefaultAsync(s => s.Code == input.ServiceCode && s.IsActive, cancellationToken);
        if (service is null)
        {
            errors["service_code"] = string.IsNullOrWhiteSpace(input.ServiceCode) ? "Välj vad rapporten gäller." : $"Det finns ingen tjänst med koden '{input.ServiceCode}'.";
        }

        var area = await PlaceAsync(input, errors, cancellationToken);
        if (input.Description is { Length: > 4000 })
        {
            errors["description"] = "Beskrivningen får vara högst 4 000 tecken.";
        }
        else if (Security.PersonalData.Find(input.Description) is { } found)
        {
            errors["description"] = $"Beskrivningen innehåller {found}. Skriv inga personuppgifter i beskrivningen; vill du bli kontaktad finns fälten för det, och de publiceras aldrig.";
        }

        if (input.Email is { Length: > 0 } email && !System.Net.Mail.MailAddress.TryCreate(email, out _))
        {
            errors["email"] = $"'{email}' är ingen e-postadress.";
        }

        if (input.MediaUrl is { Length: > 0 } media && !(Uri.TryCreate(media, UriKind.Absolute, out var mediaUri) && mediaUri.Scheme is "https" or "http"))
        {
            errors["media_url"] = "media_url ska vara en webbadress (https://…).";
        }

        var attributes = service is null ? [] : CheckAttributes(service, input.Attributes, errors);
        byte[]? photo = null;
        string? photoType = null;
        if (input.Photo is { Length: > 0 } upload)
        {
            (photo, photoType, var photoError) = PhotoCleaner.Clean(upload);
            if (photoError is not null)
            {
                errors["media"] = photoError;
            }
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var now = time.GetUtcNow();
        var report = new CitizenReport
        {
            ServiceCode = service!.Code, Status = ReportStatus.Received, Latitude = input.Latitude, Longitude = input.Longitude,
            AddressString = input.AddressString?.Trim() ?? "", AreaCode = area ?? "", Description = input.Description?.Trim() ?? "", MediaUrl = input.MediaUrl?.Trim() ?? "",
            AttributesJson = JsonSerializer.Serialize(attributes), RequestedAt = now, UpdatedAt = now, Moderation = ModerationState.Pending,
            FollowKey = Secret(), Token = Secret(), ApiKeyId = apiKeyId, Revision = 1,
            AssignedOrganisationId = service.ResponsibleOrganisationId,
            Events = [new ReportEvent { At = now, Status = ReportStatus.Received, Note = "Rapporten är mottagen.", By = "" }],
        };
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (photo is not null)
        {
            var stored = new Photo { ContentType = photoType!, Data = photo, CreatedAt = now };
            db.Photos.Add(stored);
            await db.SaveChangesAsync(cancellationToken);
            report.PhotoId = stored.Id;
        }

        db.CitizenReports.Add(report);
        await db.SaveChangesAsync(cancellationToken);
        if (new[] { input.FirstName, input.LastName, input.Email, input.Phone, input.DeviceId, input.AccountId }.Any(v => !string.IsNullOrWhiteSpace(v)))
        {
            db.ReportContacts.Add(new ReportContact
            {
                ReportId = report.Id, FirstName = Trim(input.FirstName, 200), LastName = Trim(input.LastName, 200), Email = Trim(input.Email, 256),
                Phone = Trim(input.Phone, 64), DeviceId = Trim(input.DeviceId, 200), AccountId = Trim(input.AccountId, 200),
            });
            await db.SaveChangesAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return (report, errors);
    }

    /// <summary>Open reports of the same kind within <see cref="NearbyMetres"/>, nearest first: "samma problem?".</summary>
    public async Task<IReadOnlyList<(CitizenReport Report, double Metres)>> NearbyAsync(string serviceCode, double latitude, double longitude, CancellationToken cancellationToken = default)
    {
        var (x, y) = Sweref99Tm.FromWgs84(latitude, longitude);
        var degrees = NearbyMetres / 111_000.0 * 2; // a generous box; the distance is measured exactly below
        var candidates = await db.CitizenReports.AsNoTracking()
            .Where(r => r.ServiceCode == serviceCode && r.Moderation != ModerationState.Hidden
                && (r.Status == ReportStatus.Received || r.Status == ReportStatus.Assigned || r.Status == ReportStatus.InProgress)
                && r.Latitude >= latitude - degrees && r.Latitude <= latitude + degrees && r.Longitude >= longitude - (degrees * 2) && r.Longitude <= longitude + (degrees * 2))
            .ToListAsync(cancellationToken);
        return candidates
            .Select(r => (Report: r, Metres: Distance(x, y, r)))
            .Where(r => r.Metres <= NearbyMetres).OrderBy(r => r.Metres).Take(5).ToList();
    }

    /// <summary>A resident adds themselves to an open report instead of filing the same one again.</summary>
    public async Task<string?> SupportAsync(long reportId, CancellationToken cancellationToken = default)
    {
        var changed = await db.CitizenReports.Where(r => r.Id == reportId && r.Moderation != ModerationState.Hidden
                && (r.Status == ReportStatus.Received || r.Status == ReportStatus.Assigned || r.Status == ReportStatus.InProgress))
            .ExecuteUpdateAsync(u => u.SetProperty(r => r.Supporters, r => r.Supporters + 1), cancellationToken);
        return changed == 0 ? "Rapporten finns inte eller är redan stängd." : null;
    }

    /// <summary>The report, for someone who added themselves to it; a report the moderators hid is not shown to them.</summary>
    public Task<CitizenReport?> FollowAsync(long reportId, CancellationToken cancellationToken = default) =>
        db.CitizenReports.AsNoTracking().Include(r => r.Events.OrderBy(e => e.Id))
            .FirstOrDefaultAsync(r => r.Id == reportId && r.Moderation != ModerationState.Hidden, cancellationToken);

    public Task<CitizenReport?> FollowAsync(string followKey, CancellationToken cancellationToken = default) =>
        db.CitizenReports.AsNoTracking().Include(r => r.Events.OrderBy(e => e.Id)).FirstOrDefaultAsync(r => r.FollowKey == followKey, cancellationToken);

    /// <summary>The resident reopens a closed report within <see cref="ReopenWithin"/> of its closing, saying why.</summary>
    public async Task<string?> ReopenAsync(string followKey, string? reason, CancellationToken cancellationToken = default)
    {
        var report = await db.CitizenReports.Include(r => r.Events).FirstOrDefaultAsync(r => r.FollowKey == followKey, cancellationToken);
        if (report is null)
        {
            return "Rapporten finns inte.";
        }

        if (report.IsOpen || report.ClosedAt is null)
        {
            return "Rapporten är inte stängd.";
        }

        if (time.GetUtcNow() - report.ClosedAt > ReopenWithin)
        {
            return "Rapporten stängdes för mer än 30 dagar sedan och kan inte öppnas igen. Gör en ny rapport.";
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            return "Skriv varför rapporten ska öppnas igen.";
        }

        if (Security.PersonalData.Find(reason) is { } found)
        {
            return $"Texten innehåller {found}. Skriv inga personuppgifter.";
        }

        Change(report, ReportStatus.Received, $"Öppnad igen av den som rapporterade: {reason.Trim()}", "");
        report.ClosedAt = null;
        await db.SaveChangesAsync(cancellationToken);
        return null;
    }

    /// <summary>
    /// A moderator's decision on a report opened at <paramref name="revision"/>. Closing needs its reason: not fixed why, not
    /// the municipality's whose; a duplicate names the report it repeats (its supporters move there). Approving makes the
    /// report an incident. A decision from an older revision is refused.
    /// </summary>
    public async Task<Dictionary<string, string>> ModerateAsync(long reportId, int revision, Moderation decision, string by, CancellationToken cancellationToken = default)
    {
        var report = await db.CitizenReports.Include(r => r.Events).FirstOrDefaultAsync(r => r.Id == reportId, cancellationToken);
        if (report is null)
        {
            return new() { ["report"] = "Rapporten finns inte." };
        }

        if (report.Revision != revision)
        {
            return new() { ["revision"] = "Någon annan har ändrat rapporten sedan du öppnade den. Öppna den igen; ditt beslut är inte sparat." };
        }

        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        if (decision.ServiceCode is { } code && code != report.ServiceCode && !await db.ReportServices.AnyAsync(s => s.Code == code, cancellationToken))
        {
            errors["service_code"] = $"Det finns ingen tjänst med koden '{code}'.";
        }

        string? area = null;
        if (decision.Latitude is { } lat && decision.Longitude is { } lon && (area = (await shapes.GetAsync(db, AreaLevel.Neighbourhood, cancellationToken)).At(lat, lon)?.Code) is null)
        {
            errors["place"] = "Platsen ligger utanför kommunen.";
        }

        if (decision.AssignTo is { } organisation && !await db.Organisations.AnyAsync(o => o.Id == organisation, cancellationToken))
        {
            errors["assign"] = "Organisationen finns inte.";
        }

        CitizenReport? original = null;
        switch (decision.Status)
        {
            case ReportStatus.ClosedNotFixed when string.IsNullOrWhiteSpace(decision.Note):
                errors["note"] = "Skriv varför det inte åtgärdas; svaret visas för den som rapporterade.";
                break;
            case ReportStatus.NotOurResponsibility when string.IsNullOrWhiteSpace(decision.ResponsibleElsewhere):
                errors["responsibleElsewhere"] = "Skriv vems ansvar det är, t.ex. Trafikverket eller fastighetsägaren.";
                break;
            case ReportStatus.Duplicate:
                original = decision.DuplicateOf is { } of && of != reportId ? await db.CitizenReports.FirstOrDefaultAsync(r => r.Id == of, cancellationToken) : null;
                if (original is null)
                {
                    errors["duplicateOf"] = "Ange vilken annan rapport den här upprepar.";
                }

                break;
        }

        if (Security.PersonalData.Find(decision.Note) is { } found)
        {
            errors["note"] = $"Svaret innehåller {found}. Det visas för allmänheten: skriv inga personuppgifter.";
        }

        if (errors.Count > 0)
        {
            return errors;
        }

        if (decision.ServiceCode is { } newCode)
        {
            report.ServiceCode = newCode;
        }

        if (area is not null)
        {
            (report.Latitude, report.Longitude, report.AreaCode) = (decision.Latitude, decision.Longitude, area);
        }

        if (decision.AssignTo is { } assignee)
        {
            report.AssignedOrganisationId = assignee;
        }

        var status = decision.Status ?? (decision.AssignTo is not null && report.Status == ReportStatus.Received ? ReportStatus.Assigned : null);
        if (status is { } next)
        {
            report.ResponsibleElsewhere = next == ReportStatus.NotOurResponsibility ? decision.ResponsibleElsewhere!.Trim() : report.ResponsibleElsewhere;
            report.DuplicateOfId = next == ReportStatus.Duplicate ? original!.Id : report.DuplicateOfId;
            if (original is not null)
            {
                original.Supporters += report.Supporters + 1;
            }

            Change(report, next, decision.Note?.Trim() ?? "", by);
        }
        else if (!string.IsNullOrWhiteSpace(decision.Note))
        {
            Change(report, report.Status, decision.Note.Trim(), by);
        }

        if (decision.Visibility is { } visibility)
        {
            report.Moderation = visibility;
        }

        report.Revision++;
        report.UpdatedAt = time.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            await SyncIncidentAsync(report, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return new() { ["revision"] = "Någon annan ändrade rapporten samtidigt. Öppna den igen; ditt beslut är inte sparat." };
        }

        return errors;
    }

    /// <summary>
    /// How quickly each organisation answers each kind of report: the median hours from filing to the first answer and to
    /// closing, over the reports assigned to it.
    /// </summary>
    public async Task<IReadOnlyList<ResponseTime>> ResponseTimesAsync(CancellationToken cancellationToken = default)
    {
        var reports = await db.CitizenReports.AsNoTracking().Include(r => r.Events)
            .Where(r => r.AssignedOrganisationId != null).ToListAsync(cancellationToken);
        return reports.GroupBy(r => (Organisation: r.AssignedOrganisationId!.Value, r.ServiceCode))
            .Select(g => new ResponseTime(g.Key.Organisation, g.Key.ServiceCode, g.Count(),
                Median(g.Select(r => r.Events.Where(e => e.By.Length > 0).Select(e => (double?)(e.At - r.RequestedAt).TotalHours).Min()).OfType<double>()),
                Median(g.Where(r => r.ClosedAt is not null).Select(r => (r.ClosedAt!.Value - r.RequestedAt).TotalHours))))
            .OrderBy(r => r.OrganisationId).ThenBy(r => r.ServiceCode, StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// Where a report may be shown to the public: exactly, at the centre of its 250 m grid cell, or not at all (the area
    /// only), as its service says. Hidden and unapproved reports are never public.
    /// </summary>
    public static (double Latitude, double Longitude)? PublicPlace(CitizenReport report, LocationMasking masking)
    {
        if (report.Moderation != ModerationState.Approved || report.Latitude is not { } lat || report.Longitude is not { } lon || masking == LocationMasking.AreaOnly)
        {
            return null;
        }

        if (masking == LocationMasking.Exact)
        {
            return (lat, lon);
        }

        var (x, y) = Sweref99Tm.FromWgs84(lat, lon);
        return Sweref99Tm.ToWgs84((Math.Floor(x / 250) * 250) + 125, (Math.Floor(y / 250) * 250) + 125);
    }

    /// <summary>Open311's status of a report: open while someone is to act on it.</summary>
    public static string Open311Status(CitizenReport report) => report.IsOpen ? "open" : "closed";

    private async Task<string?> PlaceAsync(ReportSubmission input, Dictionary<string, string> errors, CancellationToken cancellationToken)
    {
        if (input.Latitude is { } lat && input.Longitude is { } lon)
        {
            if (lat is < -90 or > 90 || lon is < -180 or > 180)
            {
                errors["lat"] = "lat och long ska vara WGS84-grader.";
                return null;
            }

            var area = (await shapes.GetAsync(db, AreaLevel.Neighbourhood, cancellationToken)).At(lat, lon);
            if (area is null)
            {
                errors["lat"] = "Platsen ligger utanför kommunen.";
            }

            return area?.Code;
        }

        if (input.Latitude is not null || input.Longitude is not null)
        {
            errors["long"] = "Ange både lat och long.";
            return null;
        }

        if (!string.IsNullOrWhiteSpace(input.AreaCode))
        {
            var directory = await AreaDirectory.LoadAsync(db, cancellationToken);
            if (directory.Find(input.AreaCode) is null)
            {
                errors["area"] = $"Inget område har koden '{input.AreaCode}'.";
            }

            return input.AreaCode;
        }

        if (string.IsNullOrWhiteSpace(input.AddressString))
        {
            errors["lat"] = "Ange platsen: en punkt (lat och long), en adress eller ett område.";
            return null;
        }

        // An address is kept as written; the stadsdel it names, if any, places it.
        var gazetteer = await Gazetteer.LoadAsync(db, cancellationToken);
        return gazetteer.Place(input.AddressString)?.Area is { Level: AreaLevel.Neighbourhood } named ? named.Code : null;
    }

    private static Dictionary<string, string[]> CheckAttributes(ReportService service, IReadOnlyDictionary<string, string[]>? given, Dictionary<string, string> errors)
    {
        var answers = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var attributes = JsonSerializer.Deserialize<List<ServiceAttribute>>(service.AttributesJson, Json) ?? [];
        foreach (var attribute in attributes.Where(a => a.Variable))
        {
            var values = (given?.GetValueOrDefault(attribute.Code) ?? []).Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v.Trim()).ToArray();
            var key = $"attribute[{attribute.Code}]";
            if (values.Length == 0)
            {
                if (attribute.Required)
                {
                    errors[key] = $"{attribute.Description}: svar saknas.";
                }

                continue;
            }

            var wrong = attribute.Datatype switch
            {
                "singlevaluelist" when values.Length > 1 => "välj ett av alternativen",
                "singlevaluelist" or "multivaluelist" when values.Any(v => attribute.Values.All(a => a.Key != v)) => $"välj bland {string.Join(", ", attribute.Values.Select(a => a.Key))}",
                "number" when !values.All(v => double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out _)) => "ska vara ett tal",
                "datetime" when !values.All(v => DateTimeOffset.TryParse(v, CultureInfo.InvariantCulture, DateTimeStyles.None, out _)) => "ska vara en tidpunkt (ISO 8601)",
                _ when values.Any(v => Security.PersonalData.Find(v) is not null) => "innehåller personuppgifter",
                _ => null,
            };
            if (wrong is not null)
            {
                errors[key] = $"{attribute.Description}: {wrong}.";
            }

            answers[attribute.Code] = values;
        }

        return answers;
    }

    /// <summary>An approved report is an incident of its own source; a hidden one, one merged into another, or one made from a walk point is not. Saves.</summary>
    private async Task SyncIncidentAsync(CitizenReport report, CancellationToken cancellationToken)
    {
        // A report made from a safety walk's point is counted once: as that point's incident.
        var counts = report.Moderation == ModerationState.Approved && report.Status != ReportStatus.Duplicate
            && !await db.WalkPoints.AnyAsync(p => p.CitizenReportId == report.Id, cancellationToken);
        var incident = report.IncidentId is { } id ? await db.Incidents.FirstOrDefaultAsync(i => i.Id == id, cancellationToken) : null;
        if (!counts)
        {
            if (incident is not null)
            {
                report.IncidentId = null;
                await db.SaveChangesAsync(cancellationToken);
                db.Incidents.Remove(incident);
                await db.BumpAsync(DataVersion.Incidents, cancellationToken);
                await db.SaveChangesAsync(cancellationToken);
            }

            return;
        }

        var service = await db.ReportServices.AsNoTracking().FirstAsync(s => s.Code == report.ServiceCode, cancellationToken);
        var area = report.AreaCode.Length > 0 ? await db.Areas.Where(a => a.Code == report.AreaCode).Select(a => (int?)a.Id).FirstOrDefaultAsync(cancellationToken) : null;
        (double X, double Y)? point = report.Latitude is { } lat && report.Longitude is { } lon ? Sweref99Tm.FromWgs84(lat, lon) : null;
        if (incident is null)
        {
            incident = new Incident { Source = Source, ExternalId = report.Token, Type = service.Name, OccurredAt = report.RequestedAt.UtcDateTime };
            db.Incidents.Add(incident);
        }

        incident.Type = service.Name;
        incident.Category = service.IncidentCategory.Length > 0 ? service.IncidentCategory : Taxonomy.Other;
        incident.ReportedAt = report.RequestedAt.UtcDateTime;
        incident.Title = service.Name;
        incident.AreaId = area;
        incident.Accuracy = point is null ? (area is null ? LocationAccuracy.Municipality : LocationAccuracy.Neighbourhood) : LocationAccuracy.Point;
        (incident.X, incident.Y) = (point?.X, point?.Y);
        await db.BumpAsync(DataVersion.Incidents, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        report.IncidentId = incident.Id;
        await db.SaveChangesAsync(cancellationToken);
    }

    private void Change(CitizenReport report, ReportStatus status, string note, string by)
    {
        var now = time.GetUtcNow();
        report.Status = status;
        report.ClosedAt = report.IsOpen ? null : report.ClosedAt ?? now;
        report.UpdatedAt = now;
        report.Events.Add(new ReportEvent { At = now, Status = status, Note = note, By = by });
        if (note.Length > 0)
        {
            report.StatusNote = note; // the latest answer, as Open311's status_notes
        }
    }

    private static double Distance(double x, double y, CitizenReport report)
    {
        var (rx, ry) = Sweref99Tm.FromWgs84(report.Latitude!.Value, report.Longitude!.Value);
        return Math.Sqrt(((rx - x) * (rx - x)) + ((ry - y) * (ry - y)));
    }

    private static double? Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count == 0 ? null : sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private static string Secret() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    private static string Trim(string? value, int length) => (value ?? "").Trim() is var trimmed && trimmed.Length > length ? trimmed[..length] : trimmed;

    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
}

/// <summary>What a resident (or an Open311 client) submits. <see cref="Photo"/> is an uploaded file's bytes.</summary>
public sealed record ReportSubmission(
    string? ServiceCode, double? Latitude = null, double? Longitude = null, string? AddressString = null, string? AreaCode = null, string? Description = null,
    string? MediaUrl = null, IReadOnlyDictionary<string, string[]>? Attributes = null, byte[]? Photo = null,
    string? FirstName = null, string? LastName = null, string? Email = null, string? Phone = null, string? DeviceId = null, string? AccountId = null);

/// <summary>
/// A moderator's decision: any of a new status (with its public note, whose responsibility, or the report it duplicates), an
/// organisation to assign, a corrected service or place, and approving or hiding.
/// </summary>
public sealed record Moderation(
    ReportStatus? Status = null, string? Note = null, int? AssignTo = null, string? ResponsibleElsewhere = null, long? DuplicateOf = null,
    string? ServiceCode = null, double? Latitude = null, double? Longitude = null, ModerationState? Visibility = null);

/// <summary>Median hours to the first answer and to closing, per organisation and service.</summary>
public sealed record ResponseTime(int OrganisationId, string ServiceCode, int Reports, double? HoursToFirstAnswer, double? HoursToClose);

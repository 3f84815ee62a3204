using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Trygg.ActionPlans;
using Trygg.CitizenReports;
using Trygg.Data;
using Trygg.Geography;
using Trygg.Incidents;

namespace Trygg.FieldReports;

/// <summary>
/// Trygghetsvandringar: a walk is planned for an area with the organisations and resident groups taking part; on the walk the
/// unsafe spots are marked on a phone, each an incident at once; afterwards a spot becomes a measure in an action plan or a
/// report assigned to the organisation that fixes it.
/// </summary>
public sealed class SafetyWalks(AppDbContext db, AreaShapes shapes, ActionPlans.ActionPlans plans, CitizenReports.CitizenReports reports, TimeProvider time)
{
    public const string Source = "trygghetsvandring";

    /// <summary>The trygghetsprogram's focus area "Stadens offentliga miljö", where a walk's measures belong.</summary>
    public const int PublicEnvironmentFocusArea = 3;

    /// <summary>The Swedish name of a kind of problem (the key of its translation).</summary>
    public static string ProblemName(WalkProblem problem) => problem switch
    {
        WalkProblem.Lighting => "Belysning",
        WalkProblem.Vegetation => "Vegetation",
        WalkProblem.HiddenCorner => "Skymd plats",
        WalkProblem.Graffiti => "Klotter",
        WalkProblem.Litter => "Nedskräpning",
        WalkProblem.Design => "Utformning",
        WalkProblem.Other => "Annat",
    };

    /// <summary>The incident category a spot counts as: graffiti is skadegörelse, the rest an unsafe environment.</summary>
    public static string CategoryOf(WalkProblem problem) => problem == WalkProblem.Graffiti ? "skadegorelse-och-klotter" : Taxonomy.UnsafeEnvironment;

    /// <summary>Plans a walk. Errors keyed by field (title, area, date, organisations, residentGroups); nothing is written when there is one.</summary>
    public async Task<(SafetyWalk? Walk, Dictionary<string, string> Errors)> PlanAsync(WalkInput input, string createdBy, CancellationToken cancellationToken = default)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(input.Title))
        {
            errors["title"] = "Ge vandringen en rubrik.";
        }
        else if (input.Title.Length > 300)
        {
            errors["title"] = "Rubriken får vara högst 300 tecken.";
        }

        var area = string.IsNullOrWhiteSpace(input.AreaCode) ? null : (await AreaDirectory.LoadAsync(db, cancellationToken)).Find(input.AreaCode);
        if (area is null || area.ValidTo is not null)
        {
            errors["area"] = string.IsNullOrWhiteSpace(input.AreaCode) ? "Välj området vandringen går i." : $"Inget område har koden '{input.AreaCode}'.";
        }

        if (input.Date is null)
        {
            errors["date"] = "Ange vilken dag vandringen går.";
        }

        var organisations = (input.OrganisationIds ?? []).Distinct().ToList();
        if (organisations.Count > 0 && await db.Organisations.CountAsync(o => organisations.Contains(o.Id), cancellationToken) < organisations.Count)
        {
            errors["organisations"] = "En eller flera av organisationerna finns inte.";
        }

        if (input.ResidentGroups is { Length: > 1000 })
        {
            errors["residentGroups"] = "Beskriv grupperna med högst 1 000 tecken.";
        }
        else if (Security.PersonalData.FindWithNames(input.ResidentGroups) is { } found)
        {
            errors["residentGroups"] = $"Texten ser ut att innehålla {found}. Ange grupper, t.ex. \"boende i Husby, unga tjejer från fritidsgården\", inte personer.";
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var walk = new SafetyWalk
        {
            Title = input.Title!.Trim(), AreaCode = area!.Code, Date = input.Date!.Value, CreatedBy = createdBy, ResidentGroups = input.ResidentGroups?.Trim() ?? "",
            OrganisationIds = string.Join(',', organisations.Order().Select(id => id.ToString(CultureInfo.InvariantCulture))),
        };
        db.SafetyWalks.Add(walk);
        await db.SaveChangesAsync(cancellationToken);
        return (walk, errors);
    }

    /// <summary>
    /// Marks a spot on a walk: the problem, where (in the walk's area or a stadsdel beside it), a comment without personal data and an
    /// optional photo, stripped of its location. The spot becomes an incident of source <see cref="Source"/>. Errors keyed by field
    /// (walk, lat, comment, photo); nothing is written when there is one.
    /// </summary>
    public async Task<(WalkPoint? Point, Dictionary<string, string> Errors)> AddPointAsync(int walkId, WalkPointInput input, CancellationToken cancellationToken = default)
    {
        var walk = await db.SafetyWalks.AsNoTracking().FirstOrDefaultAsync(w => w.Id == walkId, cancellationToken);
        if (walk is null)
        {
            return (null, new() { ["walk"] = "Vandringen finns inte." });
        }

        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var area = await PlaceAsync(walk, input.Latitude, input.Longitude, errors, cancellationToken);
        if (input.Comment is { Length: > 2000 })
        {
            errors["comment"] = "Kommentaren får vara högst 2 000 tecken.";
        }
        else if (Security.PersonalData.FindWithNames(input.Comment) is { } found)
        {
            errors["comment"] = $"Kommentaren ser ut att innehålla {found}. Beskriv platsen, inte personer.";
        }

        (byte[]? Data, string? Type, string? Error) photo = input.Photo is { Length: > 0 } upload ? PhotoCleaner.Clean(upload) : (null, null, null);
        if (photo.Error is not null)
        {
            errors["photo"] = photo.Error;
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var now = time.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var point = new WalkPoint { WalkId = walk.Id, Problem = input.Problem, Latitude = input.Latitude!.Value, Longitude = input.Longitude!.Value, AreaCode = area!, Comment = input.Comment?.Trim() ?? "" };
        if (photo.Data is not null)
        {
            var stored = new Photo { ContentType = photo.Type!, Data = photo.Data, CreatedAt = now };
            db.Photos.Add(stored);
            await db.SaveChangesAsync(cancellationToken);
            point.PhotoId = stored.Id;
        }

        db.WalkPoints.Add(point);
        await db.SaveChangesAsync(cancellationToken);

        // Marked on the walk's day, the spot is dated when it was marked; entered afterwards, on the walk's day.
        var occurred = SwedishTime.Today(time) == walk.Date ? now : new DateTimeOffset(SwedishTime.ToUtc(walk.Date.ToDateTime(TimeOnly.MinValue)), TimeSpan.Zero);
        var name = ProblemName(point.Problem);
        var incident = await FieldReporting.AddIncidentAsync(db, Source, point.Id.ToString(CultureInfo.InvariantCulture), name, CategoryOf(point.Problem), occurred,
            point.AreaCode, LocationAccuracy.Point, point.Latitude, point.Longitude, $"{name} ({walk.Title})", point.Comment, cancellationToken);
        point.IncidentId = incident.Id;
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (point, errors);
    }

    /// <summary>
    /// Turns a spot into a measure of an action plan (through <see cref="ActionPlans.ActionPlans.SaveMeasureAsync"/>, with its checks): a
    /// situational measure at the spot's stadsdel whose description says which walk and spot it came from. The spot links to it.
    /// </summary>
    public async Task<(Measure? Measure, Dictionary<string, string> Errors)> ToMeasureAsync(int pointId, int planId, string? title, DateOnly start, DateOnly end,
        int? responsibleOrganisationId, CancellationToken cancellationToken = default)
    {
        var point = await db.WalkPoints.FirstOrDefaultAsync(p => p.Id == pointId, cancellationToken);
        if (point is null)
        {
            return (null, new() { ["point"] = "Punkten finns inte." });
        }

        if (point.MeasureId is not null)
        {
            return (null, new() { ["point"] = "Punkten är redan en åtgärd." });
        }

        var walk = await db.SafetyWalks.AsNoTracking().FirstAsync(w => w.Id == point.WalkId, cancellationToken);
        var focus = await db.FocusAreas.AnyAsync(f => f.Number == PublicEnvironmentFocusArea, cancellationToken) ? PublicEnvironmentFocusArea : (int?)null;
        var input = new MeasureInput(title, start, end, [], PreventionKind.Situational, Origin(walk, point), focus, responsibleOrganisationId, AreaCodes: point.AreaCode);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var (measure, errors) = await plans.SaveMeasureAsync(planId, null, null, input, cancellationToken);
        if (measure is null)
        {
            return (null, errors);
        }

        point.MeasureId = measure.Id;
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (measure, errors);
    }

    /// <summary>
    /// Turns a spot into a resident's kind of report, filed, approved and assigned to <paramref name="organisationId"/> at once, so that
    /// the organisation's queue and the statuses residents follow carry it on. The spot links to it.
    /// </summary>
    public async Task<(CitizenReport? Report, Dictionary<string, string> Errors)> ToCitizenReportAsync(int pointId, string? serviceCode, int? organisationId, string by,
        CancellationToken cancellationToken = default)
    {
        var point = await db.WalkPoints.FirstOrDefaultAsync(p => p.Id == pointId, cancellationToken);
        if (point is null)
        {
            return (null, new() { ["point"] = "Punkten finns inte." });
        }

        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        if (point.CitizenReportId is not null)
        {
            errors["point"] = "Punkten är redan en rapport.";
        }

        if (organisationId is not { } organisation || !await db.Organisations.AnyAsync(o => o.Id == organisation, cancellationToken))
        {
            errors["assign"] = organisationId is null ? "Välj vilken organisation som ska åtgärda." : "Organisationen finns inte.";
        }

        // Checked here too, before anything is filed: the filing and the approval are two steps of the reports' own.
        if (string.IsNullOrWhiteSpace(serviceCode) || !await db.ReportServices.AnyAsync(s => s.Code == serviceCode && s.IsActive, cancellationToken))
        {
            errors["service_code"] = string.IsNullOrWhiteSpace(serviceCode) ? "Välj vad rapporten gäller." : $"Det finns ingen tjänst med koden '{serviceCode}'.";
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var walk = await db.SafetyWalks.AsNoTracking().FirstAsync(w => w.Id == point.WalkId, cancellationToken);
        var photo = point.PhotoId is { } photoId ? await db.Photos.AsNoTracking().Where(p => p.Id == photoId).Select(p => p.Data).FirstOrDefaultAsync(cancellationToken) : null;
        var (report, filed) = await reports.SubmitAsync(new ReportSubmission(serviceCode, point.Latitude, point.Longitude, Description: Origin(walk, point), Photo: photo), cancellationToken: cancellationToken);
        if (report is null)
        {
            return (null, filed);
        }

        // Linked first, so that the approved report is not counted a second time beside the point's own incident.
        point.CitizenReportId = report.Id;
        await db.SaveChangesAsync(cancellationToken);
        var moderated = await reports.ModerateAsync(report.Id, report.Revision, new Moderation(AssignTo: organisationId, Visibility: ModerationState.Approved,
            Note: $"Från trygghetsvandringen {walk.Title} {walk.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}."), by, cancellationToken);
        return (report, moderated);
    }

    /// <summary>A walk with its points in the order they were marked; null when it does not exist.</summary>
    public Task<SafetyWalk?> GetAsync(int walkId, CancellationToken cancellationToken = default) =>
        db.SafetyWalks.AsNoTracking().Include(w => w.Points.OrderBy(p => p.Id)).FirstOrDefaultAsync(w => w.Id == walkId, cancellationToken);

    /// <summary>What the measure or report made from a spot says about where it came from.</summary>
    private static string Origin(SafetyWalk walk, WalkPoint point) =>
        $"{ProblemName(point.Problem)}, markerad på trygghetsvandringen \"{walk.Title}\" {walk.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} (punkt {point.Id.ToString(CultureInfo.InvariantCulture)})."
        + (point.Comment.Length > 0 ? $" {point.Comment}" : "");

    /// <summary>The stadsdel of a spot, which must be in the walk's area or border on it.</summary>
    private async Task<string?> PlaceAsync(SafetyWalk walk, double? latitude, double? longitude, Dictionary<string, string> errors, CancellationToken cancellationToken)
    {
        if (latitude is not { } lat || longitude is not { } lon)
        {
            errors["lat"] = "Sätt ut punkten på kartan, eller skriv latitud och longitud.";
            return null;
        }

        var layer = await shapes.GetAsync(db, AreaLevel.Neighbourhood, cancellationToken);
        var at = lat is >= -90 and <= 90 && lon is >= -180 and <= 180 ? layer.At(lat, lon) : null;
        if (at is null)
        {
            errors["lat"] = "Platsen ligger utanför kommunen.";
            return null;
        }

        var directory = await AreaDirectory.LoadAsync(db, cancellationToken);
        var walkArea = directory.Find(walk.AreaCode);
        var inside = walkArea is null ? [] : directory.SelfAndDescendants(walkArea).Select(a => a.Code).ToHashSet(StringComparer.Ordinal);
        if (walkArea?.Level == AreaLevel.Municipality || inside.Contains(at.Code))
        {
            return at.Code;
        }

        var index = layer.Areas.Select((a, i) => (a.Code, i)).Where(a => inside.Contains(a.Code)).Select(a => a.i);
        if (index.Any(i => layer.Neighbours[i].Any(n => layer.Areas[n].Code == at.Code)))
        {
            return at.Code;
        }

        errors["lat"] = $"Punkten ligger i {at.Name}, varken i eller intill {walkArea?.Name ?? walk.AreaCode}.";
        return null;
    }
}

/// <summary>A walk to plan: what it is called, where and when, and who takes part.</summary>
public sealed record WalkInput(string? Title, string? AreaCode, DateOnly? Date, IReadOnlyList<int>? OrganisationIds = null, string? ResidentGroups = null);

/// <summary>A spot marked on a walk. <see cref="Photo"/> is an uploaded file's bytes.</summary>
public sealed record WalkPointInput(WalkProblem Problem, double? Latitude, double? Longitude, string? Comment = null, byte[]? Photo = null);

using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Trygg.Data;
using Trygg.Geography;
using Trygg.Incidents;

namespace Trygg.FieldReports;

/// <summary>
/// EST (effektiv samordning för trygghet): trained reporters file what they saw, each report an incident at once; the weekly
/// meeting reads an area's week beside the weeks before and the same week last year, picks the places to act on with an
/// owner, follows them up the next week, and the reporters behind them are told what came of it.
/// </summary>
public sealed class FieldReporting(AppDbContext db, AreaShapes shapes, TimeProvider time)
{
    public const string Source = "est";

    /// <summary>A report may be filed this long after the event; older events belong in another channel.</summary>
    public static readonly TimeSpan FileWithin = TimeSpan.FromDays(30);

    /// <summary>How many weeks before the chosen one the comparison shows.</summary>
    public const int WeeksBefore = 4;

    /// <summary>The broad groups a report may name as affected, with their Swedish names: never persons.</summary>
    public static readonly IReadOnlyList<(string Key, string Name)> AffectedGroups =
    [
        ("barn", "Barn"), ("unga", "Unga"), ("vuxna", "Vuxna"), ("aldre", "Äldre"), ("personal", "Personal"), ("boende", "Boende"), ("naringsidkare", "Näringsidkare"),
    ];

    /// <summary>
    /// Files a report as <paramref name="userName"/> of <paramref name="organisationId"/>. The errors are keyed by field (description,
    /// place, lat, area, occurredAt, category, seriousness, groups); nothing is written when there is one. The report becomes an
    /// incident of source <see cref="Source"/> in the same transaction.
    /// </summary>
    public async Task<(FieldReport? Report, Dictionary<string, string> Errors)> FileAsync(FieldReportInput input, string userName, int? organisationId, CancellationToken cancellationToken = default)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(input.Description))
        {
            errors["description"] = "Skriv vad som hände.";
        }
        else if (input.Description.Length > 2000)
        {
            errors["description"] = "Beskrivningen får vara högst 2 000 tecken.";
        }
        else if (Security.PersonalData.FindWithNames(input.Description) is { } found)
        {
            errors["description"] = $"Beskrivningen ser ut att innehålla {found}. Skriv inga namn eller personuppgifter; ange vilka grupper som berördes.";
        }

        if (input.Place is { Length: > 300 })
        {
            errors["place"] = "Platsen får beskrivas med högst 300 tecken.";
        }
        else if (Security.PersonalData.FindWithNames(input.Place) is { } inPlace)
        {
            errors["place"] = $"Platsen ser ut att innehålla {inPlace}. Beskriv platsen, inte personer.";
        }

        var (areaCode, accuracy) = await PlaceAsync(input, errors, cancellationToken);
        var now = time.GetUtcNow();
        if (input.OccurredAt is not { } occurred)
        {
            errors["occurredAt"] = "Ange när det hände.";
        }
        else if (occurred > now)
        {
            errors["occurredAt"] = "Tidpunkten ligger i framtiden.";
        }
        else if (now - occurred > FileWithin)
        {
            errors["occurredAt"] = "Det hände för mer än 30 dagar sedan. En fältrapport gäller den senaste månaden.";
        }

        var category = string.IsNullOrWhiteSpace(input.Category) ? null
            : await db.Categories.AsNoTracking().FirstOrDefaultAsync(c => c.Code == input.Category, cancellationToken);
        if (category is null)
        {
            errors["category"] = string.IsNullOrWhiteSpace(input.Category) ? "Välj en kategori." : $"Det finns ingen kategori med koden '{input.Category}'.";
        }

        if (input.Seriousness is not (>= 1 and <= 3))
        {
            errors["seriousness"] = "Välj hur allvarligt det var: 1, 2 eller 3.";
        }

        var groups = (input.AffectedGroups ?? []).Select(g => g.Trim()).Where(g => g.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        if (groups.FirstOrDefault(g => AffectedGroups.All(a => a.Key != g)) is { } unknown)
        {
            errors["groups"] = $"Okänd grupp '{unknown}'. Välj bland {string.Join(", ", AffectedGroups.Select(a => a.Name.ToLowerInvariant()))}.";
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var report = new FieldReport
        {
            ReporterUserName = userName, OrganisationId = organisationId, OccurredAt = input.OccurredAt!.Value.ToUniversalTime(), ReportedAt = now,
            Latitude = input.Latitude, Longitude = input.Longitude, AreaCode = areaCode!, Place = input.Place?.Trim() ?? "", Category = category!.Code,
            Seriousness = input.Seriousness!.Value, AffectedGroups = string.Join(',', AffectedGroups.Select(a => a.Key).Where(groups.Contains)),
            Description = input.Description!.Trim(),
        };
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.FieldReports.Add(report);
        await db.SaveChangesAsync(cancellationToken);
        var incident = await AddIncidentAsync(db, Source, report.Id.ToString(CultureInfo.InvariantCulture), $"Fältrapport: {category.Name}", category.Code,
            report.OccurredAt, report.AreaCode, accuracy, report.Latitude, report.Longitude, report.Place.Length > 0 ? report.Place : category.Name, report.Description, cancellationToken);
        report.IncidentId = incident.Id;
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (report, errors);
    }

    /// <summary>
    /// An area's week for the meeting: its reports (a stadsdelsområde's include its stadsdelar'), the count per category this
    /// week, in each of the <see cref="WeeksBefore"/> weeks before and in the same week last year, the actions the meeting picked
    /// the week before (to follow up) and this week. Null when the area does not exist.
    /// </summary>
    public async Task<WeeklySituation?> WeekAsync(string areaCode, IsoWeek week, CancellationToken cancellationToken = default)
    {
        var directory = await AreaDirectory.LoadAsync(db, cancellationToken);
        if (directory.Find(areaCode) is not { } area)
        {
            return null;
        }

        var codes = directory.SelfAndDescendants(area).Select(a => a.Code).ToList();
        var compared = Enumerable.Range(1, WeeksBefore).Select(n => week.AddWeeks(-n)).Reverse().Append(week.SameWeekLastYear).ToList();
        var counted = new List<IsoWeek>(compared) { week };

        // One read per week, each a range of the incidents' time. The range is taken on the report's incident because SQLite cannot
        // compare the report's own DateTimeOffset (stored as text) in the database; the two times are the same.
        var perWeek = new Dictionary<IsoWeek, List<FieldReport>>();
        foreach (var each in counted)
        {
            var (from, to) = (each.StartUtc.UtcDateTime, each.EndUtc.UtcDateTime);
            perWeek[each] = await db.FieldReports.AsNoTracking()
                .Where(r => codes.Contains(r.AreaCode) && db.Incidents.Any(i => i.Id == r.IncidentId && i.OccurredAt >= from && i.OccurredAt < to))
                .ToListAsync(cancellationToken);
        }

        var categories = await db.Categories.AsNoTracking().OrderBy(c => c.SortOrder).Select(c => new { c.Code, c.Name }).ToListAsync(cancellationToken);
        var rows = categories
            .Select(c => new CategoryWeeks(c.Code, c.Name, Count(week, c.Code), compared.Take(WeeksBefore).Select(w => Count(w, c.Code)).ToList(), Count(week.SameWeekLastYear, c.Code)))
            .Where(r => r.ThisWeek > 0 || r.WeeksBefore.Any(n => n > 0) || r.SameWeekLastYear > 0)
            .ToList();
        var weekNames = new[] { week.AddWeeks(-1).ToString(), week.ToString() };
        var actions = await db.WeeklyActions.AsNoTracking().Where(a => a.AreaCode == area.Code && weekNames.Contains(a.Week)).OrderBy(a => a.Id).ToListAsync(cancellationToken);
        var reports = perWeek[week].OrderByDescending(r => r.Seriousness).ThenByDescending(r => r.OccurredAt).ThenBy(r => r.Id).ToList();
        return new WeeklySituation(area, week, reports, rows, compared.Take(WeeksBefore).ToList(),
            actions.Where(a => a.Week == weekNames[0]).ToList(), actions.Where(a => a.Week == weekNames[1]).ToList());

        int Count(IsoWeek w, string category) => perWeek[w].Count(r => r.Category == category);
    }

    /// <summary>
    /// The meeting picks a place for the week: what is to be done there, by which organisation, by when, and the reports that led to
    /// it. Errors keyed by field (area, week, place, action, owner, due, reports); nothing is written when there is one.
    /// </summary>
    public async Task<(WeeklyAction? Action, Dictionary<string, string> Errors)> PickAsync(WeeklyActionInput input, CancellationToken cancellationToken = default)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var directory = await AreaDirectory.LoadAsync(db, cancellationToken);
        if (string.IsNullOrWhiteSpace(input.AreaCode) || directory.Find(input.AreaCode) is null)
        {
            errors["area"] = $"Inget område har koden '{input.AreaCode}'.";
        }

        if (!IsoWeek.TryParse(input.Week, out var week))
        {
            errors["week"] = IsoWeek.CannotRead(input.Week);
        }

        Required(input.Place, "place", "Ange platsen mötet valde.", 300, errors);
        Required(input.Action, "action", "Skriv vad som ska göras på platsen.", 2000, errors);
        if (input.OwnerOrganisationId is not { } owner || !await db.Organisations.AnyAsync(o => o.Id == owner, cancellationToken))
        {
            errors["owner"] = input.OwnerOrganisationId is null ? "Välj vilken organisation som äger åtgärden." : "Organisationen finns inte.";
        }

        if (input.Due is not { } due)
        {
            errors["due"] = "Ange när åtgärden ska vara gjord.";
        }
        else if (errors.ContainsKey("week") is false && due < week.Monday)
        {
            errors["due"] = $"Åtgärden kan inte vara klar före veckan den beslutades ({week.Monday.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}).";
        }

        var reportIds = (input.FieldReportIds ?? []).Distinct().ToList();
        if (reportIds.Count > 0 && await db.FieldReports.CountAsync(r => reportIds.Contains(r.Id), cancellationToken) < reportIds.Count)
        {
            errors["reports"] = "En eller flera av fältrapporterna finns inte.";
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var action = new WeeklyAction
        {
            AreaCode = directory.Find(input.AreaCode!)!.Code, Week = week.ToString(), Place = input.Place!.Trim(), Action = input.Action!.Trim(),
            OwnerOrganisationId = input.OwnerOrganisationId!.Value, Due = input.Due!.Value, Status = WeeklyActionStatus.Open,
            FieldReportIds = string.Join(',', reportIds.Order().Select(id => id.ToString(CultureInfo.InvariantCulture))),
        };
        db.WeeklyActions.Add(action);
        await db.SaveChangesAsync(cancellationToken);
        return (action, errors);
    }

    /// <summary>
    /// The next week's meeting says whether the action was done, with a comment (required when it was not), and the reporters behind
    /// it get the outcome as feedback. Errors keyed by field (action, comment); nothing is written when there is one.
    /// </summary>
    public async Task<Dictionary<string, string>> FollowUpAsync(int actionId, bool done, string? comment, CancellationToken cancellationToken = default)
    {
        var action = await db.WeeklyActions.FirstOrDefaultAsync(a => a.Id == actionId, cancellationToken);
        if (action is null)
        {
            return new() { ["action"] = "Åtgärden finns inte." };
        }

        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!done && string.IsNullOrWhiteSpace(comment))
        {
            errors["comment"] = "Skriv varför åtgärden inte blev gjord; rapportörerna får veta det.";
        }
        else if (comment is { Length: > 2000 })
        {
            errors["comment"] = "Kommentaren får vara högst 2 000 tecken.";
        }
        else if (Security.PersonalData.FindWithNames(comment) is { } found)
        {
            errors["comment"] = $"Kommentaren ser ut att innehålla {found}. Den visas för rapportörerna: skriv inga namn eller personuppgifter.";
        }

        if (errors.Count > 0)
        {
            return errors;
        }

        action.Status = done ? WeeklyActionStatus.Done : WeeklyActionStatus.NotDone;
        action.FollowUp = comment?.Trim() ?? "";
        await FeedbackAsync(action, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return errors;
    }

    /// <summary>
    /// Writes what came of an action on the reports behind it, so their reporters see it among their own reports. A report behind
    /// several actions keeps the latest outcome. Does not save.
    /// </summary>
    public async Task FeedbackAsync(WeeklyAction action, CancellationToken cancellationToken = default)
    {
        var ids = ReportIds(action);
        if (ids.Count == 0)
        {
            return;
        }

        var owner = await db.Organisations.Where(o => o.Id == action.OwnerOrganisationId).Select(o => o.Name).FirstOrDefaultAsync(cancellationToken) ?? "";
        var outcome = action.Status switch
        {
            WeeklyActionStatus.Done => "Gjort",
            WeeklyActionStatus.NotDone => "Inte gjort",
            _ => "Pågår",
        };
        var text = $"EST-mötet vecka {action.Week} valde platsen {action.Place}: {action.Action} (ansvarig: {owner}). {outcome}."
            + (action.FollowUp.Length > 0 ? $" {action.FollowUp}" : "");
        foreach (var report in await db.FieldReports.Where(r => ids.Contains(r.Id)).ToListAsync(cancellationToken))
        {
            report.Feedback = text;
        }
    }

    /// <summary>A reporter's own reports, the newest first, with the feedback each has had.</summary>
    public async Task<List<FieldReport>> MyReportsAsync(string userName, CancellationToken cancellationToken = default) =>
        (await db.FieldReports.AsNoTracking().Where(r => r.ReporterUserName == userName).ToListAsync(cancellationToken))
            .OrderByDescending(r => r.OccurredAt).ThenByDescending(r => r.Id).ToList(); // ordered here: SQLite cannot order a DateTimeOffset

    /// <summary>The field reports an action names.</summary>
    public static IReadOnlyList<long> ReportIds(WeeklyAction action) =>
        action.FieldReportIds.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(id => long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : (long?)null).OfType<long>().ToList();

    /// <summary>
    /// Adds the incident a field observation counts as in the analysis, placed at its point or in its area, and marks the incidents
    /// changed. Saves; the caller holds the transaction.
    /// </summary>
    internal static async Task<Incident> AddIncidentAsync(AppDbContext db, string source, string externalId, string type, string category, DateTimeOffset occurredAt,
        string areaCode, LocationAccuracy accuracy, double? latitude, double? longitude, string title, string text, CancellationToken cancellationToken)
    {
        (double X, double Y)? point = latitude is { } lat && longitude is { } lon ? Sweref99Tm.FromWgs84(lat, lon) : null;
        var incident = new Incident
        {
            Source = source, ExternalId = externalId, Type = type, Category = category, OccurredAt = occurredAt.UtcDateTime, ReportedAt = occurredAt.UtcDateTime,
            Title = title, Text = text, Accuracy = accuracy, X = point?.X, Y = point?.Y,
            AreaId = await db.Areas.Where(a => a.Code == areaCode).Select(a => (int?)a.Id).FirstOrDefaultAsync(cancellationToken),
        };
        db.Incidents.Add(incident);
        await db.BumpAsync(DataVersion.Incidents, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return incident;
    }

    /// <summary>The area a report lies in and how precisely: the stadsdel of its pin, or the area chosen.</summary>
    private async Task<(string? Code, LocationAccuracy Accuracy)> PlaceAsync(FieldReportInput input, Dictionary<string, string> errors, CancellationToken cancellationToken)
    {
        if (input.Latitude is { } lat && input.Longitude is { } lon)
        {
            var area = lat is >= -90 and <= 90 && lon is >= -180 and <= 180 ? (await shapes.GetAsync(db, AreaLevel.Neighbourhood, cancellationToken)).At(lat, lon) : null;
            if (area is null)
            {
                errors["lat"] = "Platsen ligger utanför kommunen.";
            }

            return (area?.Code, LocationAccuracy.Point);
        }

        if (input.Latitude is not null || input.Longitude is not null)
        {
            errors["lat"] = "Ange både latitud och longitud, eller sätt ut platsen på kartan.";
            return (null, LocationAccuracy.Point);
        }

        if (string.IsNullOrWhiteSpace(input.AreaCode))
        {
            errors["lat"] = "Sätt ut platsen på kartan eller välj ett område.";
            return (null, LocationAccuracy.Municipality);
        }

        var chosen = (await AreaDirectory.LoadAsync(db, cancellationToken)).Find(input.AreaCode);
        if (chosen is null || chosen.ValidTo is not null)
        {
            errors["area"] = $"Inget område har koden '{input.AreaCode}'.";
            return (null, LocationAccuracy.Municipality);
        }

        return (chosen.Code, chosen.Level switch
        {
            AreaLevel.Neighbourhood => LocationAccuracy.Neighbourhood,
            AreaLevel.DistrictArea => LocationAccuracy.DistrictArea,
            AreaLevel.Municipality => LocationAccuracy.Municipality,
        });
    }

    private static void Required(string? value, string key, string missing, int maxLength, Dictionary<string, string> errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors[key] = missing;
        }
        else if (value.Length > maxLength)
        {
            errors[key] = string.Create(CultureInfo.GetCultureInfo("sv-SE"), $"Högst {maxLength:N0} tecken.");
        }
        else if (Security.PersonalData.FindWithNames(value) is { } found)
        {
            errors[key] = $"Texten ser ut att innehålla {found}. Skriv inga namn eller personuppgifter.";
        }
    }
}

/// <summary>What a reporter files. <see cref="OccurredAt"/> is a moment (UTC or with its offset); the page reads it in Swedish time.</summary>
public sealed record FieldReportInput(
    string? Description, string? Category, int? Seriousness, DateTimeOffset? OccurredAt, double? Latitude = null, double? Longitude = null,
    string? AreaCode = null, string? Place = null, IReadOnlyList<string>? AffectedGroups = null);

/// <summary>A hot spot the weekly meeting picks, with the action, its owner and the reports behind it.</summary>
public sealed record WeeklyActionInput(string? AreaCode, string? Week, string? Place, string? Action, int? OwnerOrganisationId, DateOnly? Due, IReadOnlyList<long>? FieldReportIds = null);

/// <summary>A category's count in the week, in each of the weeks before it (oldest first), and in the same week last year.</summary>
public sealed record CategoryWeeks(string Category, string Name, int ThisWeek, IReadOnlyList<int> WeeksBefore, int SameWeekLastYear);

/// <summary>What the weekly meeting reads for an area: the week's reports, the comparison, and last week's and this week's actions.</summary>
public sealed record WeeklySituation(
    AreaSummary Area, IsoWeek Week, IReadOnlyList<FieldReport> Reports, IReadOnlyList<CategoryWeeks> Categories, IReadOnlyList<IsoWeek> WeeksBefore,
    IReadOnlyList<WeeklyAction> LastWeeksActions, IReadOnlyList<WeeklyAction> ThisWeeksActions);

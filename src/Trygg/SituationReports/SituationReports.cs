using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Trygg.Collaboration;
using Trygg.Data;
using Trygg.Geography;
using Trygg.Incidents;
using Trygg.Security;

namespace Trygg.SituationReports;

/// <summary>
/// Creating, drafting, editing and adopting lägesbilder. Who may edit what: the coordinator (and the administrator) every
/// section; a partner the sections of its own organisation (or of an organisation under it, e.g. a lokalpolisområde the
/// police region's). Adopting freezes the version; an edit after that starts the next version.
/// </summary>
public sealed class SituationReports(AppDbContext db, IncidentStore store, AreaShapes shapes, TimeProvider time)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The partner sections: key, title and the organisation that writes it (null: only the coordinator).</summary>
    private static readonly (string Key, string Title, Func<IReadOnlyList<Organisation>, AreaSummary, AreaDirectory, Organisation?> Owner)[] PartnerSections =
    [
        ("partner-police", "Polisens lägesbild", (orgs, _, _) => orgs.FirstOrDefault(o => o.Kind == OrganisationKind.PoliceRegion)),
        ("partner-social", "Socialtjänsten", DistrictOrSocial),
        ("partner-schools", "Skolorna", (orgs, _, _) => orgs.FirstOrDefault(o => o.Name == "Utbildningsnämnden")),
        ("partner-housing", "Bostadsbolagen", (orgs, _, _) => orgs.FirstOrDefault(o => o.Name == "Stockholms Stadshus AB")),
        ("partner-est", "EST-rapportering (effektiv samordning för trygghet)", DistrictOrSocial),
        ("partner-other", "Övriga aktörer", (_, _, _) => null),
    ];

    public static readonly IReadOnlyList<(string Key, string Title)> Perspectives =
    [
        ("perspective-gender", "Jämställdhet"),
        ("perspective-children", "Barnrätt"),
        ("perspective-disability", "Funktionsnedsättning"),
        ("perspective-lgbtq", "HBTQI"),
        ("perspective-elderly", "Äldre"),
    ];

    /// <summary>Drafts and stores a new report, or says what is wrong with the request (one message per field).</summary>
    public async Task<(SituationReport? Report, Dictionary<string, string> Errors)> CreateAsync(NewReport request, string userName, CancellationToken cancellationToken = default)
    {
        var (report, errors) = await DraftNewAsync(request, userName, cancellationToken);
        if (report is not null)
        {
            db.Add(report);
            await db.SaveChangesAsync(cancellationToken);
        }

        return (report, errors);
    }

    /// <summary>A new report drafted from the data but not stored (the CLI writes it straight to a file).</summary>
    public async Task<(SituationReport? Report, Dictionary<string, string> Errors)> DraftNewAsync(NewReport request, string userName, CancellationToken cancellationToken = default)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var directory = await AreaDirectory.LoadAsync(db, cancellationToken);
        var chosen = Codes(request.Areas);
        var areas = chosen.Select(directory.Find).OfType<AreaSummary>().ToList();
        if (chosen.Count == 0)
        {
            errors["area"] = "Välj ett område, eller flera för en egen samling.";
        }
        else if (chosen.Except(areas.Select(a => a.Code), StringComparer.OrdinalIgnoreCase).ToList() is { Count: > 0 } unknown)
        {
            errors["area"] = $"Inget område har koden {string.Join(", ", unknown.Select(u => $"'{u}'"))}.";
        }

        var chosenReferences = Codes(request.References);
        var references = chosenReferences.Select(directory.Find).OfType<AreaSummary>().ToList();
        if (references.Count < chosenReferences.Count)
        {
            errors["references"] = $"Jämförelseområdet {string.Join(", ", chosenReferences.Where(c => directory.Find(c) is null).Select(c => $"'{c}'"))} finns inte.";
        }

        if (!ReportPeriod.TryParse(request.Period, out var reportPeriod, out var periodError))
        {
            errors["period"] = periodError;
        }

        var comparisonPeriod = errors.ContainsKey("period") ? reportPeriod : reportPeriod.YearEarlier;
        if (!string.IsNullOrWhiteSpace(request.Comparison) && !ReportPeriod.TryParse(request.Comparison, out comparisonPeriod, out var comparisonError))
        {
            errors["comparison"] = comparisonError;
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var area = new ReportArea(
            string.IsNullOrWhiteSpace(request.AreaName) ? areas.Count == 1 ? areas[0].Name : JoinNames(areas.Select(a => a.Name).ToList()) : request.AreaName.Trim(),
            areas);
        if (references.Count == 0)
        {
            references = DefaultReferences(areas, directory);
        }

        var now = time.GetUtcNow();
        var report = new SituationReport
        {
            Title = string.IsNullOrWhiteSpace(request.Title) ? $"Lägesbild {area.Name} {reportPeriod.Text}" : request.Title.Trim(),
            AreaCodes = area.Codes,
            AreaName = area.Name,
            From = reportPeriod.From,
            To = reportPeriod.To,
            ComparisonFrom = comparisonPeriod.From,
            ComparisonTo = comparisonPeriod.To,
            ReferenceAreaCodes = string.Join(' ', references.Select(r => r.Code)),
            CreatedAt = now,
            UpdatedAt = now,
            CreatedBy = userName,
        };

        var order = 0;
        foreach (var drafted in await DraftAsync(report, directory, cancellationToken))
        {
            report.Sections.Add(new SituationReportSection
            {
                Key = drafted.Key, Title = drafted.Title, Kind = SectionKind.Drafted, Text = drafted.Text, IsPublic = drafted.IsPublic,
                SortOrder = order++, FiguresJson = JsonSerializer.Serialize(drafted.Figures, Json),
            });
        }

        var organisations = await db.Organisations.AsNoTracking().ToListAsync(cancellationToken);
        foreach (var (key, sectionTitle, owner) in PartnerSections)
        {
            report.Sections.Add(new SituationReportSection { Key = key, Title = sectionTitle, Kind = SectionKind.Partner, OrganisationId = owner(organisations, areas[0], directory)?.Id, SortOrder = order++ });
        }

        foreach (var (key, sectionTitle) in Perspectives)
        {
            report.Sections.Add(new SituationReportSection { Key = key, Title = sectionTitle, Kind = SectionKind.Perspective, IsPublic = true, SortOrder = order++ });
        }

        return (report, errors);
    }

    /// <summary>The drafted sections for a stored report, from the data as it is now.</summary>
    public async Task<IReadOnlyList<DraftedSection>> DraftAsync(SituationReport report, AreaDirectory directory, CancellationToken cancellationToken = default)
    {
        var columns = await store.GetAsync(db, cancellationToken);
        var stadsdelar = await shapes.GetAsync(db, AreaLevel.Neighbourhood, cancellationToken);
        var references = report.ReferenceAreas.Select(directory.Find).OfType<AreaSummary>().Select(ReportArea.Of).ToList();
        var area = report.AreaIn(directory);
        var surveys = await new Indicators.IndicatorQueries(db).SharesForAsync(SituationDrafter.SurveyAreaCodes(area, directory), cancellationToken);
        return new SituationDrafter(columns, directory, stadsdelar, surveys)
            .Draft(area, new ReportPeriod(report.From, report.To), new ReportPeriod(report.ComparisonFrom, report.ComparisonTo), references);
    }

    public Task<SituationReport?> FindAsync(int id, CancellationToken cancellationToken = default) =>
        db.SituationReports.Include(r => r.Sections.OrderBy(s => s.SortOrder)).FirstOrDefaultAsync(r => r.Id == id, cancellationToken);

    /// <summary>Whether a person with these roles and this organisation may edit the section.</summary>
    public static bool CanEdit(SituationReportSection section, IReadOnlyCollection<string> roles, int? organisationId, IReadOnlyList<Organisation> organisations) =>
        roles.Contains(Roles.Coordinator) || roles.Contains(Roles.Administrator) || OrganisationRules.ActsFor(organisationId, section.OrganisationId, organisations);

    /// <summary>Saves a section's text; an adopted report goes back to draft as its next version. Null, or what is wrong.</summary>
    public async Task<string?> UpdateSectionAsync(SituationReport report, SituationReportSection section, string text, string userName, CancellationToken cancellationToken = default)
    {
        var figures = section.ReadFigures().Select(f => f.Key).ToHashSet(StringComparer.Ordinal);
        var unknown = ReportText.Tokens(text).Where(t => !figures.Contains(t)).ToList();
        if (unknown.Count > 0)
        {
            return $"Texten hänvisar till tal som avsnittet inte har: {string.Join(", ", unknown.Select(u => $"{{{u}}}"))}. Ta bort dem eller skriv talet som text.";
        }

        if (text.Length > 100_000)
        {
            return "Texten är för lång (högst 100 000 tecken).";
        }

        if (PersonalData.Find(text) is { } found)
        {
            return $"Texten innehåller {found}. En lägesbild får inte innehålla personuppgifter.";
        }

        StartNextVersionIfAdopted(report);
        section.Text = text.Trim();
        section.EditedAt = time.GetUtcNow();
        section.EditedBy = userName;
        report.UpdatedAt = section.EditedAt.Value;
        await db.SaveChangesAsync(cancellationToken);
        return null;
    }

    /// <summary>Writes the drafted sections again from the data as it is now (the partners' and perspectives' texts stay).</summary>
    public async Task RedraftAsync(SituationReport report, string userName, CancellationToken cancellationToken = default)
    {
        var directory = await AreaDirectory.LoadAsync(db, cancellationToken);
        var drafted = (await DraftAsync(report, directory, cancellationToken)).ToDictionary(d => d.Key);
        StartNextVersionIfAdopted(report);
        foreach (var section in report.Sections.Where(s => s.Kind == SectionKind.Drafted && drafted.ContainsKey(s.Key)))
        {
            section.Text = drafted[section.Key].Text;
            section.FiguresJson = JsonSerializer.Serialize(drafted[section.Key].Figures, Json);
            section.EditedAt = time.GetUtcNow();
            section.EditedBy = userName;
        }

        report.UpdatedAt = time.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<string?> SubmitForReviewAsync(SituationReport report, CancellationToken cancellationToken = default)
    {
        if (report.Status != SituationReportStatus.Draft)
        {
            return "Bara ett utkast kan skickas på granskning.";
        }

        report.Status = SituationReportStatus.InReview;
        report.UpdatedAt = time.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        return null;
    }

    /// <summary>Adopts the report: records the decision and freezes this version. Returns what is wrong, per field.</summary>
    public async Task<Dictionary<string, string>> AdoptAsync(SituationReport report, string? committee, DateOnly? adoptedOn, string? diaryNumber, string userName, CancellationToken cancellationToken = default)
    {
        var errors = Adoption.Validate(report.Status == SituationReportStatus.Adopted, committee, adoptedOn, diaryNumber, SwedishTime.Today(time), "lägesbilden");
        if (errors.Count > 0)
        {
            return errors;
        }

        (report.Status, report.Committee, report.AdoptedOn, report.DiaryNumber) = (SituationReportStatus.Adopted, committee!.Trim(), adoptedOn, diaryNumber!.Trim());
        report.UpdatedAt = time.GetUtcNow();
        db.Add(new SituationReportVersion
        {
            ReportId = report.Id, Number = report.Version, Committee = report.Committee, AdoptedOn = report.AdoptedOn, DiaryNumber = report.DiaryNumber,
            FrozenAt = report.UpdatedAt, FrozenBy = userName,
            SectionsJson = JsonSerializer.Serialize(report.Sections.OrderBy(s => s.SortOrder).Select(VersionSection.Of), Json),
        });
        await db.SaveChangesAsync(cancellationToken);
        return errors;
    }

    /// <summary>The report as a Word document, whole or as the public summary.</summary>
    public async Task<byte[]> DocxAsync(SituationReport report, bool publicOnly, CancellationToken cancellationToken = default) =>
        ReportDocx.Write(report, await VisualsAsync(report, cancellationToken), publicOnly);

    /// <summary>
    /// What the report's pictures show, from the data as it is now: the period's whole months, the areas inside the report's
    /// area (or, for an area without any, it and the areas beside it) with their counts, and weekday × hour.
    /// </summary>
    public async Task<ReportVisuals> VisualsAsync(SituationReport report, CancellationToken cancellationToken = default)
    {
        var columns = await store.GetAsync(db, cancellationToken);
        var directory = await AreaDirectory.LoadAsync(db, cancellationToken);
        var area = report.AreaIn(directory);
        var query = new IncidentQuery(columns);
        var filter = area.Filter(report.From, report.To);

        var byMonth = query.Aggregate(filter, IncidentGrouping.Month).Where(r => r.Key.Length > 0).ToDictionary(r => r.Key, r => r.Count);
        var months = new List<(string, long)>();
        for (var month = new DateOnly(report.From.Year, report.From.Month, 1); month <= report.To; month = month.AddMonths(1))
        {
            var key = month.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
            months.Add((month.ToString("MMM yy", System.Globalization.CultureInfo.GetCultureInfo("sv-SE")), byMonth.GetValueOrDefault(key)));
        }

        var shown = area.Parts(directory) is { Count: > 0 } parts ? parts : directory.Find(area.Areas[0].ParentId) is { } parent ? directory.ChildrenOf(parent) : area.Areas;
        var codes = shown.Select(a => a.Code).ToList();
        var geometries = await db.Areas.AsNoTracking().Where(a => codes.Contains(a.Code)).Select(a => new { a.Code, Shape = a.DisplayGeometry ?? a.Geometry }).ToListAsync(cancellationToken);
        var map = shown.Join(geometries.Where(g => g.Shape != null), a => a.Code, g => g.Code, (a, g) =>
            (a.Name, AreaNeighbours.ToSweref(g.Shape!), query.Count(filter with { AreaCodes = [a.Code] }))).ToList();

        var heat = query.Aggregate(filter, IncidentGrouping.WeekdayHour).Take(7 * 24).Select(r => r.Count).ToList();
        return new ReportVisuals(area.Name, months, map, heat);
    }

    public Task<List<SituationReportVersion>> VersionsAsync(int reportId, CancellationToken cancellationToken = default) =>
        db.SituationReportVersions.AsNoTracking().Where(v => v.ReportId == reportId).OrderBy(v => v.Number).ToListAsync(cancellationToken);

    /// <summary>The sections of a version: a frozen one, or (for the version in work) the report's own.</summary>
    public static IReadOnlyList<VersionSection> SectionsOf(SituationReportVersion version) =>
        JsonSerializer.Deserialize<List<VersionSection>>(version.SectionsJson, Json)!;

    private static void StartNextVersionIfAdopted(SituationReport report)
    {
        if (report.Status == SituationReportStatus.Adopted)
        {
            report.Version++;
            (report.Status, report.Committee, report.AdoptedOn, report.DiaryNumber) = (SituationReportStatus.Draft, null, null, null);
        }
    }

    /// <summary>By default a report compares with the parent its areas share (when that is not the municipality) and the municipality.</summary>
    private static List<AreaSummary> DefaultReferences(List<AreaSummary> areas, AreaDirectory directory)
    {
        var references = new List<AreaSummary>();
        var parents = areas.Select(a => a.ParentId).Distinct().ToList();
        if (parents.Count == 1 && directory.Find(parents[0]) is { ParentId: not null } shared)
        {
            references.Add(shared);
        }

        var root = areas[0];
        while (directory.Find(root.ParentId) is { } up)
        {
            root = up;
        }

        if (!areas.Contains(root))
        {
            references.Add(root);
        }

        return references;
    }

    private static List<string> Codes(IEnumerable<string>? codes) =>
        (codes ?? []).SelectMany(c => c.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).Distinct(StringComparer.OrdinalIgnoreCase).ToList();

    private static string JoinNames(List<string> names) => $"{string.Join(", ", names.SkipLast(1))} och {names[^1]}";

    /// <summary>The stadsdelsnämnd of the area's stadsdelsområde, or Socialnämnden for the whole city.</summary>
    private static Organisation? DistrictOrSocial(IReadOnlyList<Organisation> organisations, AreaSummary area, AreaDirectory directory)
    {
        var district = area.Level == AreaLevel.DistrictArea ? area : directory.AncestorAt(area.Id, AreaLevel.DistrictArea);
        return (district is null ? null : organisations.FirstOrDefault(o => o.Kind == OrganisationKind.DistrictCommittee && o.AreaId == district.Id))
            ?? organisations.FirstOrDefault(o => o.Name == "Socialnämnden");
    }
}

/// <summary>A section as a version keeps it.</summary>
/// <summary>What to draft: one or more area codes (a custom set may have a name), the period, and optionally the comparison and reference areas.</summary>
public sealed record NewReport(IReadOnlyList<string>? Areas, string? Period, string? Comparison = null, string? Title = null, string? AreaName = null, IReadOnlyList<string>? References = null);

public sealed record VersionSection(string Key, string Title, SectionKind Kind, string Text, bool IsPublic, string FiguresJson)
{
    public static VersionSection Of(SituationReportSection section) => new(section.Key, section.Title, section.Kind, section.Text, section.IsPublic, section.FiguresJson);
}

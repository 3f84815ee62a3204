using Trygg.Geography;

namespace Trygg.SituationReports;

/// <summary>
/// A lägesbild: the situation of an area in a period, compared with an earlier period and with reference areas, drafted
/// from the data and completed by the partners (law 2023:196 § 4; the Järva strategy's yearly situation picture).
/// </summary>
public class SituationReport
{
    public int Id { get; set; }

    public required string Title { get; set; }

    /// <summary>The codes of the areas covered, separated by commas: one area, or a custom set.</summary>
    public string AreaCodes { get; set; } = "";

    /// <summary>The name the report uses for what it covers: the area's name, or the set's.</summary>
    public string AreaName { get; set; } = "";

    /// <summary>First and last day of the period, inclusive.</summary>
    public DateOnly From { get; set; }

    public DateOnly To { get; set; }

    public DateOnly ComparisonFrom { get; set; }

    public DateOnly ComparisonTo { get; set; }

    /// <summary>Codes of the areas the report compares with, separated by spaces (by default the parent and the municipality).</summary>
    public string ReferenceAreaCodes { get; set; } = "";

    public SituationReportStatus Status { get; set; }

    /// <summary>The number of the version being worked on; adopted versions are kept in <see cref="SituationReportVersion"/>.</summary>
    public int Version { get; set; } = 1;

    public string? Committee { get; set; }

    public DateOnly? AdoptedOn { get; set; }

    public string? DiaryNumber { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public string CreatedBy { get; set; } = "";

    public List<SituationReportSection> Sections { get; set; } = [];

    public IReadOnlyList<string> ReferenceAreas => ReferenceAreaCodes.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    public IReadOnlyList<string> Areas => AreaCodes.Split(',', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>The report's area (or set) as the drafter and the pictures take it.</summary>
    public ReportArea AreaIn(AreaDirectory directory) =>
        new(AreaName, Areas.Select(code => directory.Find(code) ?? throw new InvalidOperationException($"Området {code} finns inte längre.")).ToList());
}

public enum SituationReportStatus
{
    Draft,
    InReview,
    Adopted,
}

public enum SectionKind
{
    /// <summary>Written by Trygg from the data; editable by the coordinator.</summary>
    Drafted,

    /// <summary>A partner's own picture (police, social services, schools …), edited by that organisation.</summary>
    Partner,

    /// <summary>How the picture looks from a perspective (gender equality, children's rights …); missing while empty.</summary>
    Perspective,
}

/// <summary>A section of a report: its text in Trygg's small markup (see <see cref="ReportText"/>) and the figures it cites.</summary>
public class SituationReportSection
{
    public int Id { get; set; }

    public int ReportId { get; set; }

    public required string Key { get; set; }

    public required string Title { get; set; }

    public SectionKind Kind { get; set; }

    /// <summary>The organisation that writes a partner section; the coordinator may edit every section.</summary>
    public int? OrganisationId { get; set; }

    public string Text { get; set; } = "";

    /// <summary>Whether the section is in the public summary.</summary>
    public bool IsPublic { get; set; }

    public int SortOrder { get; set; }

    /// <summary>The figures the text cites as {f1}, {f2} …: JSON of <see cref="Figure"/>.</summary>
    public string FiguresJson { get; set; } = "[]";

    public DateTimeOffset? EditedAt { get; set; }

    public string? EditedBy { get; set; }

    public IReadOnlyList<Figure> ReadFigures() => ReadFigures(FiguresJson);

    public static IReadOnlyList<Figure> ReadFigures(string json) =>
        System.Text.Json.JsonSerializer.Deserialize<List<Figure>>(json, SituationReports.Json) ?? [];
}

/// <summary>An adopted (frozen) version of a report: its sections as they were.</summary>
public class SituationReportVersion
{
    public int Id { get; set; }

    public int ReportId { get; set; }

    public int Number { get; set; }

    public string? Committee { get; set; }

    public DateOnly? AdoptedOn { get; set; }

    public string? DiaryNumber { get; set; }

    public DateTimeOffset FrozenAt { get; set; }

    public string FrozenBy { get; set; } = "";

    /// <summary>JSON of the sections' keys, titles, kinds, texts and figures.</summary>
    public string SectionsJson { get; set; } = "[]";
}

/// <summary>
/// A number a report cites, with the stored query behind it: the rows of <c>/api/incidents/aggregate?{Query}</c> whose keys are
/// <see cref="Keys"/> (all rows when empty) add up to <see cref="Value"/>, and <c>/incidents?{Filters}</c> lists the incidents.
/// </summary>
public sealed record Figure(string Key, string Label, string Query, IReadOnlyList<string> Keys, long Value)
{
    /// <summary>The query's filters alone, for the list of incidents.</summary>
    public string Filters => string.Join('&', Query.Split('&').Where(p => !p.StartsWith("by=", StringComparison.Ordinal) && !p.StartsWith("level=", StringComparison.Ordinal)));
}

using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Trygg.Data;
using Trygg.Incidents;

namespace Trygg.CitizenReports;

/// <summary>
/// The kinds of report residents can file, as a municipality's Tyck till offers them, with the Open311 attributes each asks
/// for, the organisation that answers for it, the incident category it counts as and how precisely it may be published;
/// and the moderators' ready answers. Loaded on first start; a municipality changes them afterwards.
/// </summary>
public sealed class ReportCatalogue(AppDbContext db)
{
    private static readonly ServiceAttributeValue[] TimesOfDay = [new("dag", "Dagtid"), new("kvall", "Kvällstid"), new("natt", "Natt")];

    public static readonly IReadOnlyList<(string Code, string Name, string English, string Group, string Description, string Organisation, string Category, LocationMasking Masking, ServiceAttribute[] Attributes)> Services =
    [
        ("belysning", "Trasig eller saknad belysning", "Broken or missing lighting", "Gata och park", "En lampa som är släckt, blinkar eller saknas på en gata, gångväg eller i en park.",
            "Trafiknämnden", Taxonomy.UnsafeEnvironment, LocationMasking.Exact,
            [new("typ", "singlevaluelist", true, "Vilken belysning", 1, [new("gatlykta", "Gatlykta"), new("gangvag", "Gång- och cykelväg"), new("park", "Park"), new("tunnel", "Tunnel eller gångtunnel")])]),
        ("klotter", "Klotter", "Graffiti", "Gata och park", "Klotter på en vägg, skylt, bänk eller annan stadens egendom.",
            "Trafiknämnden", "skadegorelse-och-klotter", LocationMasking.Exact,
            [new("stotande", "singlevaluelist", false, "Är klottret kränkande eller hotfullt?", 1, [new("ja", "Ja"), new("nej", "Nej")])]),
        ("nedskrapning", "Nedskräpning", "Litter", "Gata och park", "Skräp, fulla papperskorgar eller dumpat avfall.",
            "Trafiknämnden", Taxonomy.UnsafeEnvironment, LocationMasking.Exact, []),
        ("skadegorelse", "Skadegörelse", "Vandalism", "Gata och park", "Förstörda bänkar, lekplatser, skyltar eller krossat glas.",
            "Trafiknämnden", "skadegorelse-och-klotter", LocationMasking.Exact, []),
        ("vegetation", "Buskar och träd skymmer", "Overgrown vegetation", "Gata och park", "Buskar eller träd som skymmer sikten eller belysningen på en gångväg.",
            "Trafiknämnden", Taxonomy.UnsafeEnvironment, LocationMasking.Exact, []),
        ("otrygg-plats", "Otrygg plats", "Unsafe place", "Trygghet", "En plats där du känner dig otrygg: berätta vad som gör den otrygg och när.",
            "Kommunstyrelsen", Taxonomy.UnsafeEnvironment, LocationMasking.Grid250,
            [new("tid", "multivaluelist", false, "När känns platsen otrygg?", 1, TimesOfDay)]),
    ];

    public static readonly IReadOnlyList<(string Title, ReportStatus Status, string Text)> Answers =
    [
        ("Åtgärdat", ReportStatus.Fixed, "Tack för din rapport. Vi har åtgärdat felet."),
        ("Planerat", ReportStatus.InProgress, "Tack för din rapport. Felet är beställt och åtgärdas inom två veckor."),
        ("Inte stadens ansvar", ReportStatus.NotOurResponsibility, "Tack för din rapport. Platsen sköts inte av staden; vi har skickat den vidare till den som ansvarar."),
        ("Redan rapporterat", ReportStatus.Duplicate, "Tack för din rapport. Samma problem är redan rapporterat och vi följer upp det där."),
    ];

    /// <summary>Adds the services and answers that are missing; returns how many.</summary>
    public async Task<int> EnsureAsync(CancellationToken cancellationToken = default)
    {
        var organisations = await db.Organisations.AsNoTracking().ToDictionaryAsync(o => o.Name, o => o.Id, cancellationToken);
        var existing = await db.ReportServices.Select(s => s.Code).ToListAsync(cancellationToken);
        var services = Services.Where(s => !existing.Contains(s.Code)).Select(s => new ReportService
        {
            Code = s.Code, Name = s.Name, NameEnglish = s.English, Group = s.Group, Description = s.Description, IncidentCategory = s.Category, Masking = s.Masking,
            ResponsibleOrganisationId = organisations.TryGetValue(s.Organisation, out var id) ? id : null,
            AttributesJson = JsonSerializer.Serialize(s.Attributes, CitizenReports.Json),
        }).ToList();
        db.ReportServices.AddRange(services);
        var answers = await db.AnswerTemplates.AnyAsync(cancellationToken) ? [] : Answers.Select(a => new AnswerTemplate { Title = a.Title, Status = a.Status, Text = a.Text }).ToList();
        db.AnswerTemplates.AddRange(answers);
        await db.SaveChangesAsync(cancellationToken);
        return services.Count + answers.Count;
    }
}

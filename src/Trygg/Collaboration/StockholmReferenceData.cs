using Microsoft.EntityFrameworkCore;
using Trygg.Data;
using Trygg.Geography;

namespace Trygg.Collaboration;

/// <summary>
/// The organisations, priority collaboration areas and focus areas named in Stockholm's trygghetsprogram 2024–2027 and the
/// city–police collaboration agreement (KS 2023/309). Loaded once; editable afterwards.
/// </summary>
public sealed class StockholmReferenceData(AppDbContext db)
{
    public static readonly IReadOnlyList<string> SpecialistCommittees =
    [
        "Socialnämnden", "Utbildningsnämnden", "Trafiknämnden", "Stadsbyggnadsnämnden", "Exploateringsnämnden",
        "Kulturnämnden", "Idrottsnämnden", "Arbetsmarknadsnämnden", "Miljö- och hälsoskyddsnämnden",
    ];

    /// <summary>The seven local police areas in the city ("de sju lokala polisområdena", seed 004); the police reorganise them, so they are editable.</summary>
    public static readonly IReadOnlyList<string> PoliceAreas =
    [
        "Lokalpolisområde Norrmalm", "Lokalpolisområde Södermalm", "Lokalpolisområde Järva", "Lokalpolisområde Vällingby",
        "Lokalpolisområde Globen", "Lokalpolisområde Farsta", "Lokalpolisområde Skärholmen",
    ];

    public static readonly IReadOnlyList<(string Name, string Description)> PriorityAreaTexts =
    [
        ("Unga i riskzon för destruktivt beteende", "Tidiga och samordnade insatser för barn och unga som riskerar att dras in i kriminalitet eller annat destruktivt beteende."),
        ("Otrygga och brottsutsatta platser", "Gemensamt arbete på platser där brottsligheten är hög eller där människor känner sig otrygga."),
        ("Systemhotande brottslighet", "Att motverka brottslighet som hotar samhällets funktioner, bland annat otillåten påverkan, välfärdsbrott och desinformation mot socialtjänsten."),
        ("Särskilt utsatta och sårbara brottsoffer", "Stöd och skydd för brottsoffer i särskilt utsatta situationer, till exempel våld i nära relationer och brott mot äldre."),
        ("Kriminella miljöer och livsstilar", "Att förhindra rekrytering till och underlätta avhopp från kriminella miljöer och nätverk."),
    ];

    public static readonly IReadOnlyList<(string Name, string Description)> FocusAreaTexts =
    [
        ("Förebyggande arbete", "Förhindra eller tidigt avbryta en negativ utveckling hos barn och unga; motverka välfärdsbrott och otillåten påverkan."),
        ("Riktade sociala insatser", "Minska riskfaktorer och stärka skyddsfaktorer utifrån strukturerade riskbedömningar."),
        ("Stadens offentliga miljö", "Trygga och trivsamma offentliga miljöer där människor vill vistas: grunden för situationell prevention."),
        ("Stadsutveckling", "Stadens fysiska utveckling och planering ska ha ett brottsförebyggande och trygghetsskapande perspektiv."),
    ];

    /// <summary>Adds what is missing; returns the number of records added.</summary>
    public async Task<int> LoadAsync(CancellationToken cancellationToken = default)
    {
        if (await db.Organisations.AnyAsync(cancellationToken))
        {
            return 0;
        }

        var added = 0;
        void Add(Organisation organisation)
        {
            db.Organisations.Add(organisation);
            added++;
        }

        Add(new Organisation { Name = "Kommunstyrelsen", Kind = OrganisationKind.ExecutiveBoard });

        var districtAreas = await db.Areas
            .Where(a => a.Level == AreaLevel.DistrictArea && a.ValidTo == null)
            .OrderBy(a => a.Name)
            .ToListAsync(cancellationToken);
        foreach (var area in districtAreas)
        {
            Add(new Organisation { Name = DistrictCommitteeName(area.Name), Kind = OrganisationKind.DistrictCommittee, Area = area });
        }

        foreach (var name in SpecialistCommittees)
        {
            Add(new Organisation { Name = name, Kind = OrganisationKind.SpecialistCommittee });
        }

        Add(new Organisation { Name = "Stockholms brandförsvar", Kind = OrganisationKind.RescueService });
        Add(new Organisation { Name = "Stockholms Stadshus AB", Kind = OrganisationKind.Company });

        var region = new Organisation { Name = "Polisregion Stockholm", Kind = OrganisationKind.PoliceRegion };
        Add(region);
        foreach (var name in PoliceAreas)
        {
            Add(new Organisation { Name = name, Kind = OrganisationKind.PoliceArea, Parent = region });
        }

        for (var i = 0; i < PriorityAreaTexts.Count; i++)
        {
            db.PriorityAreas.Add(new PriorityArea { Number = i + 1, Name = PriorityAreaTexts[i].Name, Description = PriorityAreaTexts[i].Description });
            added++;
        }

        for (var i = 0; i < FocusAreaTexts.Count; i++)
        {
            db.FocusAreas.Add(new FocusArea { Number = i + 1, Name = FocusAreaTexts[i].Name, Description = FocusAreaTexts[i].Description });
            added++;
        }

        await db.SaveChangesAsync(cancellationToken);
        return added;
    }

    /// <summary>"Järva stadsdelsnämnd", "Norra innerstadens stadsdelsnämnd": Swedish genitive -s after a consonant.</summary>
    public static string DistrictCommitteeName(string districtAreaName) =>
        "aeiouyåäö".Contains(char.ToLowerInvariant(districtAreaName[^1]), StringComparison.Ordinal)
            ? $"{districtAreaName} stadsdelsnämnd"
            : $"{districtAreaName}s stadsdelsnämnd";
}

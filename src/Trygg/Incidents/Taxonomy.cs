namespace Trygg.Incidents;

/// <summary>
/// The category taxonomy and the police event types' place in it. The mapping is a starting point loaded on first start;
/// the Samordnare edits it afterwards. A type nobody has mapped yet counts as "övrigt" until someone does.
/// </summary>
public static class Taxonomy
{
    public const string Other = "ovrigt";

    /// <summary>Places residents, reporters and safety walks find unsafe: poor lighting, overgrown paths, litter, hidden corners.</summary>
    public const string UnsafeEnvironment = "otrygg-miljo";

    public static readonly IReadOnlyList<(string Code, string Name)> Categories =
    [
        ("vald", "Våld"),
        ("hot", "Hot"),
        ("ran", "Rån"),
        ("stold-och-inbrott", "Stöld och inbrott"),
        ("skadegorelse-och-klotter", "Skadegörelse och klotter"),
        ("narkotika", "Narkotika"),
        ("vapen-och-skjutning", "Vapen och skjutning"),
        ("brand", "Brand"),
        ("ordningsstorning", "Ordningsstörning"),
        ("trafik", "Trafik"),
        ("bedrageri", "Bedrägeri"),
        (UnsafeEnvironment, "Otrygg miljö"),
        (Other, "Övrigt"),
    ];

    /// <summary>Every event type in the Polisen archive 2023–2026 and its category.</summary>
    public static readonly IReadOnlyDictionary<string, string> PolisenTypes = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["Misshandel"] = "vald",
        ["Misshandel, grov"] = "vald",
        ["Mord/dråp"] = "vald",
        ["Mord/dråp, försök"] = "vald",
        ["Våldtäkt"] = "vald",
        ["Våldtäkt, försök"] = "vald",
        ["Sexualbrott"] = "vald",
        ["Våld/hot mot tjänsteman"] = "vald",
        ["Larm Överfall"] = "vald",
        ["Olaga frihetsberövande/människorov"] = "vald",
        ["Olaga hot"] = "hot",
        ["Bombhot"] = "hot",
        ["Ofredande/förargelse"] = "hot",
        ["Hets mot folkgrupp"] = "hot",
        ["Rån"] = "ran",
        ["Rån, försök"] = "ran",
        ["Rån väpnat"] = "ran",
        ["Rån övrigt"] = "ran",
        ["Stöld"] = "stold-och-inbrott",
        ["Stöld, försök"] = "stold-och-inbrott",
        ["Stöld/inbrott"] = "stold-och-inbrott",
        ["Inbrott"] = "stold-och-inbrott",
        ["Inbrott, försök"] = "stold-och-inbrott",
        ["Larm Inbrott"] = "stold-och-inbrott",
        ["Motorfordon, stöld"] = "stold-och-inbrott",
        ["Motorfordon, anträffat stulet"] = "stold-och-inbrott",
        ["Häleri"] = "stold-och-inbrott",
        ["Olaga intrång"] = "stold-och-inbrott",
        ["Hemfridsbrott"] = "stold-och-inbrott",
        ["Skadegörelse"] = "skadegorelse-och-klotter",
        ["Sabotage mot blåljusverksamhet"] = "skadegorelse-och-klotter",
        ["Narkotikabrott"] = "narkotika",
        ["Skottlossning"] = "vapen-och-skjutning",
        ["Skottlossning, misstänkt"] = "vapen-och-skjutning",
        ["Vapenlagen"] = "vapen-och-skjutning",
        ["Knivlagen"] = "vapen-och-skjutning",
        ["Explosion"] = "vapen-och-skjutning",
        ["Detonation"] = "vapen-och-skjutning",
        ["Farligt föremål, misstänkt"] = "vapen-och-skjutning",
        ["Brand"] = "brand",
        ["Mordbrand"] = "brand",
        ["Brand automatlarm"] = "brand",
        ["Bråk"] = "ordningsstorning",
        ["Fylleri/LOB"] = "ordningsstorning",
        ["Fylleri"] = "ordningsstorning",
        ["Ordningslagen"] = "ordningsstorning",
        ["Alkohollagen"] = "ordningsstorning",
        ["Smällar"] = "ordningsstorning",
        ["Sedlighetsbrott"] = "ordningsstorning",
        ["Lagen om hundar och katter"] = "ordningsstorning",
        ["Trafikolycka"] = "trafik",
        ["Trafikolycka, personskada"] = "trafik",
        ["Trafikolycka, singel"] = "trafik",
        ["Trafikolycka, vilt"] = "trafik",
        ["Trafikolycka, smitning från"] = "trafik",
        ["Rattfylleri"] = "trafik",
        ["Trafikkontroll"] = "trafik",
        ["Trafikbrott"] = "trafik",
        ["Olovlig körning"] = "trafik",
        ["Trafikhinder"] = "trafik",
        ["Sjölagen"] = "trafik",
        ["Luftfartslagen"] = "trafik",
        ["Bedrägeri"] = "bedrageri",
        ["Åldringsbrott"] = "bedrageri",
        ["Missbruk av urkund"] = "bedrageri",
        ["Förfalskningsbrott"] = "bedrageri",
        ["Ekobrott"] = "bedrageri",
        ["Övrigt"] = Other,
        ["Arbetsplatsolycka"] = Other,
        ["Försvunnen person"] = Other,
        ["Fjällräddning"] = Other,
        ["Kontroll person/fordon"] = Other,
        ["Kontroll"] = Other,
        ["Djur"] = Other,
        ["Räddningsinsats"] = Other,
        ["Anträffad död"] = Other,
        ["Information"] = Other,
        ["Polisinsats/kommendering"] = Other,
        ["Uppdatering"] = Other,
        ["Sjukdom/olycksfall"] = Other,
        ["Skyddslagen"] = Other,
        ["Anträffat gods"] = Other,
        ["Efterlyst person"] = Other,
        ["Miljöbrott"] = Other,
        ["Utlänningslagen"] = Other,
        ["Varningslarm/haveri"] = Other,
        ["Spridning smitta/kemikalier"] = Other,
        ["Upphittat föremål"] = Other,
        ["Vållande till kroppsskada"] = Other,
    };

    /// <summary>Summary notices ("Sammanfattning natt", "Sammanfattning kväll och natt", …) cover several incidents: kept, never counted.</summary>
    public static bool IsSummaryType(string type) => type.StartsWith("Sammanfattning", StringComparison.OrdinalIgnoreCase);
}

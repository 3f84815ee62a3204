using System.Globalization;
using Trygg.Analysis;
using Trygg.Geography;
using Trygg.Incidents;
using Trygg.Indicators;

namespace Trygg.SituationReports;

/// <summary>
/// Writes the first version of a lägesbild from the incidents, section by section, in Swedish. Every count in the text is a
/// figure ({f1} …) with the query that gives it, so that a reader can open the incidents behind it; ratios and p-values are
/// computed from those counts. Where the data cannot say something (no incidents, no population, too few events), the text
/// says so in words. The perceived-safety section cites the survey indicators (<paramref name="surveys"/>) read for the area,
/// its parent and its parts.
/// </summary>
public sealed class SituationDrafter(IncidentColumns columns, AreaDirectory directory, AreaLayer? stadsdelar = null, IReadOnlyList<IndicatorSeries>? surveys = null)
{
    /// <summary>Fewer events than this in both periods are too few to test a change.</summary>
    public const int FewEvents = 10;

    private static readonly CultureInfo Swedish = CultureInfo.GetCultureInfo("sv-SE");
    private readonly IncidentColumns columns = columns;
    private readonly IncidentQuery query = new(columns);

    public IReadOnlyList<DraftedSection> Draft(ReportArea area, ReportPeriod period, ReportPeriod comparison, IReadOnlyList<ReportArea> references)
    {
        var context = new Context(area, period, comparison, references);
        return
        [
            Summary(context),
            Sources(context),
            Categories(context),
            Trend(context),
            Where(context),
            When(context),
            Comparison(context),
            PerceivedSafety(context),
            new("partners", "Vad samverkanspartner rapporterar",
                "Polisens egen lägesbild, socialtjänsten, skolorna, bostadsbolagen och EST-rapporteringen skriver sina avsnitt själva; de följer efter slutsatserna. Ett avsnitt som ingen har skrivit visas som saknat.", [], true),
            Conclusions(context),
        ];
    }

    private DraftedSection Summary(Context c)
    {
        var book = new FigureBook(this);
        var (now, before) = (book.Count(c.Area, c.Period), book.Count(c.Area, c.Comparison));
        if (now.Value == 0)
        {
            return new("summary", "Sammanfattning", string.Create(Swedish,
                $"Under {c.Period.Text} finns inga av polisens händelser placerade i {c.Area.Name} ({now.Token}; {c.Comparison.Text}: {before.Token}). Lägesbilden kan därför inte bygga på händelserna; den bygger på partnernas avsnitt."), book.Figures, true);
        }

        var text = new List<string>
        {
            string.Create(Swedish, $"Under {c.Period.Text} publicerade polisen {now.Token} händelser som kunnat placeras i {c.Area.Name}, mot {before.Token} under {c.Comparison.Text}. {ChangeSentence(now.Value, before.Value, c)}"),
        };
        var top = CategoryCounts(c.Area, c.Period).Where(p => p.Count > 0).OrderByDescending(p => p.Count).Take(3).ToList();
        if (top.Count > 0)
        {
            var named = top.Select(t => $"{t.Name.ToLower(Swedish)} ({book.Count(c.Area, c.Period, t.Code).Token})");
            text.Add($"De vanligaste kategorierna var {Join(named)}.");
        }

        var hot = HotStadsdelar(c);
        if (hot.Count > 0)
        {
            text.Add($"Heta punkter (Gi*, minst 95 %) bland stadsdelarna: {Join(hot.Select(h => h.Name))}.");
        }

        return new("summary", "Sammanfattning", string.Join("\n\n", text), book.Figures, true);
    }

    private DraftedSection Sources(Context c)
    {
        var book = new FigureBook(this);
        var total = book.Count(c.Area, c.Period);
        var text = new List<string>
        {
            "Händelserna är polisens publicerade händelsenotiser, inte brottsstatistik: polisen väljer vad som publiceras, en notis kan gälla flera brott och många brott publiceras aldrig. En förändring i hur mycket polisen publicerar eller anmäls ändrar antalen utan att brottsligheten behöver ha ändrats. Sammanfattningar (t.ex. \"Sammanfattning natt\") räknas inte.",
            "Notiserna har ingen plats utöver kommunen; Trygg placerar dem utifrån texten (\"Bråk i Rinkeby\") och anger hur noggrant.",
        };
        if (total.Value > 0)
        {
            var point = book.Count(c.Area, c.Period, accuracy: "point");
            var neighbourhood = book.Count(c.Area, c.Period, accuracy: "stadsdel");
            text.Add(string.Create(Swedish, $"Av de {total.Token} händelserna i {c.Area.Name} är {point.Token} placerade på en punkt och {neighbourhood.Token} på en punkt eller en stadsdel; resten bara på stadsdelsområdet."));
        }

        return new("sources", "Datakällor och begränsningar", string.Join("\n\n", text), book.Figures, true);
    }

    private DraftedSection Categories(Context c)
    {
        var book = new FigureBook(this);
        var now = CategoryCounts(c.Area, c.Period).ToDictionary(p => p.Code, p => p.Count);
        var before = CategoryCounts(c.Area, c.Comparison).ToDictionary(p => p.Code, p => p.Count);
        var rows = columns.Categories.Where(k => now.GetValueOrDefault(k.Code) + before.GetValueOrDefault(k.Code) > 0)
            .OrderByDescending(k => now.GetValueOrDefault(k.Code)).ToList();
        if (rows.Count == 0)
        {
            return new("categories", "Händelser per kategori", $"Det finns inga händelser i {c.Area.Name} under {c.Period.Text} eller {c.Comparison.Text}.", book.Figures, true);
        }

        var table = new List<string> { $"| Kategori | {c.Period.Text} | {c.Comparison.Text} | Kvot | p | Bedömning |" };
        foreach (var category in rows)
        {
            var (a, b) = (book.Count(c.Area, c.Period, category.Code), book.Count(c.Area, c.Comparison, category.Code));
            var (ratio, p, verdict) = Test(a.Value, b.Value, c);
            table.Add($"| {category.Name} | {a.Token} | {b.Token} | {ratio} | {p} | {verdict} |");
        }

        var intro = string.Create(Swedish, $"Antal händelser per kategori i {c.Area.Name}, {c.Period.Text} mot {c.Comparison.Text}. Kvoten tar hänsyn till periodernas längd; p är det exakta testet för två Poissonantal. Med färre än {FewEvents} händelser i båda perioderna prövas ingen förändring.");
        return new("categories", "Händelser per kategori", intro + "\n\n" + string.Join('\n', table), book.Figures, true);
    }

    private DraftedSection Trend(Context c)
    {
        var book = new FigureBook(this);
        var lastWhole = columns.Count == 0 ? c.Period.To : MonthlyChange.LastWholeMonth(IncidentColumns.FromMinutes(columns.Minutes[^1]));
        var first = new DateOnly(c.Period.From.Year, c.Period.From.Month, 1);
        var last = new DateOnly(c.Period.To.Year, c.Period.To.Month, 1);
        last = last < lastWhole ? last : lastWhole;
        if (MonthsBetween(first, last) < 12)
        {
            first = last.AddMonths(-23); // a short period: its trend is read from the two years up to its end
        }

        if (first > last)
        {
            return new("trend", "Utveckling över tid", "Uppgifterna räcker inte till en hel månad under perioden.", book.Figures, true);
        }

        var months = new List<(DateOnly Month, Counted Count)>();
        for (var month = first; month <= last; month = month.AddMonths(1))
        {
            months.Add((month, book.Count(c.Area, new ReportPeriod(month, month.AddMonths(1).AddDays(-1)))));
        }

        var trend = MannKendall.Test(months.Select(m => (double)m.Count.Value).ToList());
        var verdict = months.Sum(m => m.Count.Value) == 0 ? "Det finns inga händelser att pröva en trend på."
            : months.Count < 3 ? "För få hela månader för att pröva en trend."
            : trend.P >= 0.05 ? string.Create(Swedish, $"Mann–Kendalls test visar ingen säker trend (τ = {trend.Tau:0.00}, p = {trend.P:0.000}).")
            : string.Create(Swedish, $"Mann–Kendalls test visar en {(trend.Tau > 0 ? "ökande" : "minskande")} trend (τ = {trend.Tau:0.00}, p = {trend.P:0.000}).");
        var table = new List<string> { "| Månad | Antal |" };
        table.AddRange(months.Select(m => $"| {m.Month.ToString("MMMM yyyy", Swedish)} | {m.Count.Token} |"));
        var intro = string.Create(Swedish, $"Händelser per hel månad i {c.Area.Name}, {first.ToString("MMMM yyyy", Swedish)} – {last.ToString("MMMM yyyy", Swedish)}. {verdict}");
        return new("trend", "Utveckling över tid", intro + "\n\n" + string.Join('\n', table), book.Figures, true);
    }

    private DraftedSection Where(Context c)
    {
        var book = new FigureBook(this);
        var children = c.Area.Parts(directory);
        if (children.Count == 0)
        {
            return new("where", "Var", $"{c.Area.Name} delas inte in i mindre områden i Trygg; var i området händelserna sker framgår bara för händelser med en punkt.", book.Figures, true);
        }

        var total = book.Count(c.Area, c.Period);
        var rows = children.Select(child => (Area: child, Count: book.Count(ReportArea.Of(child), c.Period))).OrderByDescending(r => r.Count.Value).ToList();
        var withPopulation = rows.All(r => r.Area.Population is > 0);
        var table = new List<string> { withPopulation ? "| Område | Antal | Andel | Per 1 000 invånare och år |" : "| Område | Antal | Andel |" };
        foreach (var (child, count) in rows)
        {
            var share = total.Value == 0 ? "–" : (count.Value / (double)total.Value).ToString("0 %", Swedish);
            var rate = withPopulation ? $" {Rates.PerThousand(count.Value, child.Population, c.Period.Days / 365.25)!.Rate.ToString("0.0", Swedish)} |" : "";
            table.Add($"| {child.Name} | {count.Token} | {share} |{rate}");
        }

        var text = new List<string> { string.Create(Swedish, $"Händelserna fördelade på områdena i {c.Area.Name} under {c.Period.Text}. Händelser som bara kunnat placeras i {c.Area.Name} som helhet ingår inte i raderna.") };
        text.Add(string.Join('\n', table));
        if (!withPopulation)
        {
            text.Add("Folkmängd saknas för områdena, så antalen kan inte räknas om per invånare; ett större område har fler händelser utan att vara mer utsatt.");
        }

        var placed = rows.Sum(r => r.Count.Value);
        if (placed >= FewEvents && rows.Count >= 3)
        {
            var concentration = Concentration.Measure(rows.Select(r => r.Count.Value).ToList());
            text.Add(string.Create(Swedish, $"Koncentrationen är {(concentration.Gini >= 0.5 ? "hög" : concentration.Gini >= 0.3 ? "måttlig" : "låg")}: Gini {concentration.Gini:0.00}; {concentration.PlacesHolding50:0 %} av områdena har hälften av händelserna."));
        }

        var points = book.Count(c.Area, c.Period, accuracy: "point");
        text.Add(points.Value > 0
            ? string.Create(Swedish, $"{points.Token} av händelserna har en punkt; deras täthet (kvartisk kärna) och heta rutor visas på Karta.")
            : "Ingen av händelserna har en punkt, så någon täthetskarta går inte att göra: polisens notiser placeras bara på område. Kartan visar därför antal per område.");
        var hot = HotStadsdelar(c);
        text.Add(hot.Count > 0
            ? $"Heta punkter bland stadsdelarna (Gi* med grannar inom 100 m, minst 95 % efter korrigering för många test): {Join(hot.Select(h => h.Name))}."
            : "Ingen stadsdel i området är en säkerställd het punkt (Gi*, 95 %).");
        return new("where", "Var", string.Join("\n\n", text), book.Figures, true);
    }

    private DraftedSection When(Context c)
    {
        var book = new FigureBook(this);
        var cells = query.Aggregate(c.Area.Filter(c.Period.From, c.Period.To), IncidentGrouping.WeekdayHour).Take(7 * 24).ToList();
        if (cells.Sum(r => r.Count) < FewEvents)
        {
            return new("when", "När", string.Create(Swedish, $"Med färre än {FewEvents} händelser går det inte att säga vilka dagar och tider som är vanligast."), book.Figures, true);
        }

        var days = Enumerable.Range(0, 7).Select(d => (Day: d, Count: cells.Skip(d * 24).Take(24).Sum(r => r.Count))).ToList();
        var busiest = days.MaxBy(d => d.Count);
        var dayKeys = Enumerable.Range(0, 24).Select(h => $"{busiest.Day + 1}-{h:00}").ToList();
        var dayFigure = book.Count(c.Area, c.Period, by: "weekday-hour", keys: dayKeys, label: $"{WeekdayName(busiest.Day)}ar");
        var bands = new[] { (0, 6, "natt (00–06)"), (6, 12, "förmiddag (06–12)"), (12, 18, "eftermiddag (12–18)"), (18, 24, "kväll (18–24)") };
        var band = bands.MaxBy(b => cells.Where(r => Hour(r.Key) >= b.Item1 && Hour(r.Key) < b.Item2).Sum(r => r.Count));
        var bandKeys = cells.Where(r => Hour(r.Key) >= band.Item1 && Hour(r.Key) < band.Item2).Select(r => r.Key).ToList();
        var bandFigure = book.Count(c.Area, c.Period, by: "weekday-hour", keys: bandKeys, label: band.Item3);
        var all = book.Count(c.Area, c.Period);
        return new("when", "När", string.Create(Swedish,
            $"Flest händelser sker på {WeekdayName(busiest.Day)}ar ({dayFigure.Token} av {all.Token}) och under {band.Item3} ({bandFigure.Token}). Tiden är den polisen anger i notisen."), book.Figures, true);
    }

    private DraftedSection Comparison(Context c)
    {
        var book = new FigureBook(this);
        var areas = new[] { c.Area }.Concat(c.References).ToList();
        var anyPopulation = areas.Any(a => a.Population is > 0);
        var table = new List<string> { $"| Område | {c.Period.Text} | {c.Comparison.Text} | Kvot | p |{(anyPopulation ? " Per 1 000 invånare och år |" : "")}" };
        foreach (var area in areas)
        {
            var (a, b) = (book.Count(area, c.Period), book.Count(area, c.Comparison));
            var (ratio, p, _) = Test(a.Value, b.Value, c);
            var rate = !anyPopulation ? "" : area.Population is > 0 ? $" {Rates.PerThousand(a.Value, area.Population, c.Period.Days / 365.25)!.Rate.ToString("0.0", Swedish)} |" : " folkmängd saknas |";
            table.Add($"| {area.Name} | {a.Token} | {b.Token} | {ratio} | {p} |{rate}");
        }

        var text = string.Create(Swedish, $"{c.Area.Name} jämfört med {Join(c.References.Select(r => r.Name))}.");
        if (!anyPopulation)
        {
            text += " Folkmängd saknas för områdena, så jämförelsen gäller antal och förändring, inte takt per invånare.";
        }

        return new("comparison", "Jämförelse med andra områden", text + "\n\n" + string.Join('\n', table), book.Figures, true);
    }

    /// <summary>The codes whose survey shares the perceived-safety section may cite: the area's own, its parents' and its parts'.</summary>
    public static IReadOnlyList<string> SurveyAreaCodes(ReportArea area, AreaDirectory directory) =>
        SurveyLevels(area, directory).SelectMany(level => level.Codes).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>
    /// For each survey share: the latest period's figures for kvinnor and män with their intervals and the gap between them,
    /// read from the area itself, else from the area it lies in, else from its parts. A cell with too few respondents is stated
    /// as such, never given a value.
    /// </summary>
    private DraftedSection PerceivedSafety(Context c)
    {
        var paragraphs = new List<string>();
        foreach (var series in surveys ?? [])
        {
            foreach (var (codes, note) in SurveyLevels(c.Area, directory))
            {
                var cells = series.Observations.Where(o => codes.Contains(o.AreaCode) && o.AgeBand.Length == 0 && o.Group.Length == 0).ToList();
                if (cells.Count == 0)
                {
                    continue;
                }

                var latest = cells.Select(o => o.Period).Max(StringComparer.Ordinal)!;
                var areas = codes.Where(code => cells.Any(o => o.AreaCode == code && o.Period == latest));
                var sentences = areas.Select(code => SurveySentence(series.Indicator, directory.Find(code)?.Name ?? code, latest, cells.Where(o => o.AreaCode == code && o.Period == latest).ToList()));
                paragraphs.Add(string.Join("\n\n", new[] { note }.Concat(sentences).OfType<string>()));
                break;
            }
        }

        if (paragraphs.Count == 0)
        {
            return new("perceived-safety", "Upplevd trygghet", string.Create(Swedish,
                $"Det finns ännu inga enkätindikatorer i Trygg för {c.Area.Name}. När Trygghetsmätningen, Stockholmsenkäten eller stadens egna enkäter har lästs in visas här andelen som känner sig trygga, för kvinnor och män var för sig och skillnaden mellan dem."), [], true);
        }

        const string Intro = "Andelarna kommer från enkäterna; intervallen är 95 % konfidensintervall. Skillnaden mellan kvinnor och män är statistiskt säker när dess intervall inte omfattar noll.";
        return new("perceived-safety", "Upplevd trygghet", Intro + "\n\n" + string.Join("\n\n", paragraphs), [], true);
    }

    /// <summary>The area's own codes, then the areas it lies in, then its parts, each with a note on whose figures they are.</summary>
    private static IEnumerable<(IReadOnlySet<string> Codes, string? Note)> SurveyLevels(ReportArea area, AreaDirectory directory)
    {
        yield return (area.Areas.Select(a => a.Code).ToHashSet(StringComparer.Ordinal), null);
        var parents = area.Areas.Select(a => a.ParentCode).OfType<string>().Select(directory.Find).OfType<AreaSummary>().DistinctBy(a => a.Code).ToList();
        if (parents.Count > 0)
        {
            yield return (parents.Select(a => a.Code).ToHashSet(StringComparer.Ordinal),
                $"Enkäten redovisar inte {area.Name} för sig; siffrorna gäller {Join(parents.Select(p => p.Name))}, som {area.Name} ingår i.");
        }

        var parts = area.Parts(directory);
        if (parts.Count > 0)
        {
            yield return (parts.Select(a => a.Code).ToHashSet(StringComparer.Ordinal), $"Enkäten redovisar inte {area.Name} som helhet; siffrorna gäller områdena i {area.Name}.");
        }
    }

    private static string SurveySentence(Indicator indicator, string areaName, string period, IReadOnlyList<IndicatorObservation> cells)
    {
        var (women, men, everyone) = (cells.FirstOrDefault(o => o.Sex == "kvinnor"), cells.FirstOrDefault(o => o.Sex == "män"), cells.FirstOrDefault(o => o.Sex.Length == 0));
        string Share(IndicatorObservation cell) => cell is { Suppressed: false, Value: { } value }
            ? cell.Low is null ? IndicatorText.Value(indicator, value) : $"{IndicatorText.Value(indicator, value)} (95 % KI {IndicatorText.Interval(indicator, cell.Low, cell.High)})"
            : IndicatorText.TooFewAnswers;
        var text = new List<string>();
        if (women is not null && men is not null)
        {
            text.Add($"{indicator.Name}, {areaName} {period}: kvinnor {Share(women)}, män {Share(men)}.");
            text.Add(IndicatorGap.Between(women, men) is { } gap
                ? $"Skillnaden kvinnor − män är {IndicatorText.Gap(indicator, gap)}: {gap.Verdict}."
                : "Skillnaden mellan kvinnor och män kan inte anges eftersom en av grupperna har för få svar.");
            if (everyone is not null)
            {
                text.Add($"Alla svarande: {Share(everyone)}.");
            }
        }
        else
        {
            text.Add($"{indicator.Name}, {areaName} {period}: {string.Join(", ", cells.OrderBy(o => o.Sex, StringComparer.Ordinal).Select(o => $"{IndicatorText.Group(o.Sex)} {Share(o)}"))}.");
        }

        var counted = cells.Where(o => !o.Suppressed && o.N is not null).OrderBy(o => o.Sex, StringComparer.Ordinal)
            .Select(o => $"{o.N!.Value.ToString("N0", Swedish)} {(o.Sex.Length == 0 ? "svarande" : o.Sex)}").ToList();
        text.Add(counted.Count > 0 ? $"Källa: {indicator.Source}, n = {Join(counted)}." : $"Källa: {indicator.Source}.");
        return string.Join(' ', text);
    }

    private DraftedSection Conclusions(Context c)
    {
        var book = new FigureBook(this);
        var points = new List<string>();
        foreach (var category in columns.Categories)
        {
            var (a, b) = (Count(c.Area, c.Period, category.Code), Count(c.Area, c.Comparison, category.Code));
            if (a + b < FewEvents)
            {
                continue;
            }

            var change = CountChange.Test((int)b, c.Comparison.Days, (int)a, c.Period.Days);
            if (change.P < 0.05 && change.RateRatio > 1)
            {
                var (fa, fb) = (book.Count(c.Area, c.Period, category.Code), book.Count(c.Area, c.Comparison, category.Code));
                points.Add(string.Create(Swedish, $"- {category.Name} har ökat: {fa.Token} händelser mot {fb.Token} (kvot {change.RateRatio:0.00}, p = {change.P:0.000}). Föreslaget problem att prioritera: {category.Name.ToLower(Swedish)} i {c.Area.Name}."));
            }
        }

        foreach (var hot in HotStadsdelar(c))
        {
            var figure = book.Count(ReportArea.Of(hot), c.Period);
            points.Add($"- {hot.Name} är en het punkt ({figure.Token} händelser). Föreslaget problem att prioritera: platser i {hot.Name}.");
        }

        if (points.Count == 0)
        {
            points.Add($"- Händelserna visar ingen säkerställd ökning och ingen het punkt i {c.Area.Name} under {c.Period.Text}. Vilka problem som ska prioriteras bör avgöras av partnernas avsnitt och enkäterna.");
        }

        return new("conclusions", "Slutsatser och problem att prioritera",
            "Förslagen bygger bara på händelserna och ska prövas mot partnernas bild innan de prioriteras.\n\n" + string.Join('\n', points), book.Figures, true);
    }

    /// <summary>The stadsdelar in the report's area whose Gi* over all the city's stadsdelar is hot at 95 % or more.</summary>
    private List<AreaSummary> HotStadsdelar(Context c)
    {
        if (stadsdelar is null)
        {
            return [];
        }

        var counts = query.Aggregate(new IncidentFilter { From = c.Period.From, To = c.Period.To }, IncidentGrouping.Area, AreaLevel.Neighbourhood).ToDictionary(r => r.Key, r => (double)r.Count);
        var values = stadsdelar.Areas.Select(a => counts.GetValueOrDefault(a.Code)).ToArray();
        if (values.Sum() < FewEvents)
        {
            return [];
        }

        var inside = c.Area.Inside(directory);
        var result = GetisOrdGiStar.Run(values, stadsdelar.Neighbours);
        return stadsdelar.Areas.Select((a, i) => (a, i)).Where(p => result.Bins[p.i] >= 2 && inside.Contains(p.a.Code))
            .OrderByDescending(p => result.Z[p.i]).Select(p => directory.Find(p.a.Code)!).ToList();
    }

    private static (string Ratio, string P, string Verdict) Test(long now, long before, Context c)
    {
        if (now + before < FewEvents)
        {
            return ("–", "–", "för få för att pröva");
        }

        var change = CountChange.Test((int)before, c.Comparison.Days, (int)now, c.Period.Days);
        var ratio = double.IsFinite(change.RateRatio) ? change.RateRatio.ToString("0.00", Swedish) : "–";
        var verdict = change.P >= 0.05 ? "kan vara slump" : change.RateRatio > 1 ? "säkerställd ökning" : "säkerställd minskning";
        return (ratio, change.P.ToString("0.000", Swedish), verdict);
    }

    private static string ChangeSentence(long now, long before, Context c)
    {
        if (now + before < FewEvents)
        {
            return string.Create(Swedish, $"Med färre än {FewEvents} händelser går det inte att säga om antalet har förändrats.");
        }

        var (ratio, p, verdict) = Test(now, before, c);
        return $"Kvoten är {ratio} (p = {p}): {(verdict == "kan vara slump" ? "skillnaden kan vara slump" : $"en {verdict}")}.";
    }

    private IEnumerable<(string Code, string Name, long Count)> CategoryCounts(ReportArea area, ReportPeriod period)
    {
        var counts = query.Aggregate(area.Filter(period.From, period.To), IncidentGrouping.Category).ToDictionary(r => r.Key, r => r.Count);
        return columns.Categories.Select(k => (k.Code, k.Name, counts.GetValueOrDefault(k.Code)));
    }

    private long Count(ReportArea area, ReportPeriod period, string? category) =>
        query.Count(area.Filter(period.From, period.To) with { Categories = category is null ? new HashSet<string>() : new HashSet<string> { category } });

    private static int MonthsBetween(DateOnly first, DateOnly last) => ((last.Year - first.Year) * 12) + last.Month - first.Month + 1;

    private static int Hour(string weekdayHourKey) => int.Parse(weekdayHourKey.AsSpan(2), CultureInfo.InvariantCulture);

    private static string WeekdayName(int day) => Swedish.DateTimeFormat.GetDayName((DayOfWeek)((day + 1) % 7));

    private static string Join(IEnumerable<string> items)
    {
        var list = items.ToList();
        return list.Count <= 1 ? string.Concat(list) : $"{string.Join(", ", list.SkipLast(1))} och {list[^1]}";
    }

    private sealed record Context(ReportArea Area, ReportPeriod Period, ReportPeriod Comparison, IReadOnlyList<ReportArea> References);

    /// <summary>A counted figure and the token that cites it in the text.</summary>
    private sealed record Counted(string Token, long Value);

    /// <summary>The figures of one section, numbered f1, f2 … as they are cited.</summary>
    private sealed class FigureBook(SituationDrafter drafter)
    {
        public List<Figure> Figures { get; } = [];

        public Counted Count(ReportArea area, ReportPeriod period, string? category = null, string? accuracy = null, string by = "category", IReadOnlyList<string>? keys = null, string? label = null)
        {
            var parameters = new IncidentQueryParameters(period.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), period.To.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                category, area.Codes, null, accuracy);
            var (filter, errors) = parameters.Parse(drafter.columns);
            if (errors.Count > 0)
            {
                throw new InvalidOperationException(string.Join(" ", errors.SelectMany(e => e.Value)));
            }

            var grouping = by == "weekday-hour" ? IncidentGrouping.WeekdayHour : IncidentGrouping.Category;
            var wanted = keys?.ToHashSet(StringComparer.Ordinal);
            var value = drafter.query.Aggregate(filter, grouping).Where(r => wanted is null || wanted.Contains(r.Key)).Sum(r => r.Count);
            var categoryName = category is null ? null : drafter.columns.Categories.FirstOrDefault(k => k.Code == category)?.Name;
            var text = string.Join(", ", new[] { categoryName, label, area.Name, period.Text }.OfType<string>());
            var figure = new Figure($"f{Figures.Count + 1}", text, $"by={by}&{parameters.ToQueryString()}", keys ?? [], value);
            Figures.Add(figure);
            return new Counted($"{{{figure.Key}}}", value);
        }
    }
}

/// <summary>A section as drafted: key, title, text with figure tokens, the figures, and whether it is public.</summary>
public sealed record DraftedSection(string Key, string Title, string Text, IReadOnlyList<Figure> Figures, bool IsPublic);

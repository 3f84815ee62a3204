using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Trygg.Data;
using Trygg.Geography;
using Trygg.Ingestion;
using Trygg.Ingestion.Files;

namespace Trygg.Indicators;

/// <summary>
/// Imports population into the indicator "scb-folkmangd" — from SCB's tables (by DeSO, RegSO or municipality, sex, age, year)
/// or from a CSV per stadsdel — by sex and age band; carries DeSO figures to the stadsdelar by the DeSOs' area overlaps, and
/// sets the areas' population (latest period, both sexes, all ages) that rates per 1,000 residents use. All or nothing.
/// </summary>
public sealed class PopulationImporter(AppDbContext db, IndicatorStore store)
{
    public const string IndicatorCode = "scb-folkmangd";

    public static readonly IndicatorDefinition Definition = new(
        IndicatorCode,
        "Folkmängd",
        "Folkbokförda personer den 31 december enligt SCB:s befolkningsstatistik, efter kön och ålder. För stadsdelar skattas folkmängden "
            + "ur DeSO-områdena efter hur stor del av varje DeSO:s yta som ligger i stadsdelen, om inte siffror per stadsdel har lästs in.",
        "personer",
        "SCB",
        IndicatorType.Count,
        HigherIsBetter: false,
        "kon,alder,grupp");

    private static readonly string[] CsvColumns = ["stadsdel", "year", "sex", "age", "population"];

    /// <summary>Imports population tables as SCB's PxWeb API answered them.</summary>
    public async Task<ImportReport> ImportTablesAsync(
        IReadOnlyList<StatTable> tables, string description, string? userName, bool dryRun = false, CancellationToken cancellationToken = default)
    {
        var rejected = new RejectionLog();
        var counts = new List<PopulationCount>();
        int read = 0, outside = 0;
        foreach (var table in tables)
        {
            var reading = PopulationTable.Read(table, rejected);
            read += table.Cells.Count;
            outside += reading.OutsideScope;
            counts.AddRange(reading.Counts);
        }

        return await FinishAsync(counts, rejected, new IndicatorImport("scb", "api", description, userName, read, outside, dryRun), cancellationToken);
    }

    /// <summary>Imports a CSV with the columns stadsdel (name or area code), year, sex, age and population.</summary>
    public async Task<ImportReport> ImportCsvAsync(TabularFile file, string fileName, string? userName, bool dryRun = false, CancellationToken cancellationToken = default)
    {
        var rejected = new RejectionLog();
        var columns = CsvColumns.Select(c => file.Columns.ToList().FindIndex(h => string.Equals(h.Trim(), c, StringComparison.OrdinalIgnoreCase))).ToArray();
        if (columns.Any(c => c < 0))
        {
            rejected.Add(1, $"Filen saknar kolumnerna {string.Join(", ", CsvColumns.Where((_, i) => columns[i] < 0))}. Rubrikraden ska vara: {string.Join(",", CsvColumns)}.");
            return await FinishAsync([], rejected, new IndicatorImport("folkmangd", "fil", fileName, userName, 0, 0, dryRun), cancellationToken);
        }

        var areas = await db.Areas.AsNoTracking().Where(a => a.ValidTo == null).Select(a => new { a.Code, a.Name, a.Level }).ToListAsync(cancellationToken);

        // Farsta, Skärholmen … name both a stadsdel and its stadsdelsområde: the column is "stadsdel", so the stadsdel it is.
        var byName = areas.GroupBy(a => a.Name, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(a => a.Level == AreaLevel.Neighbourhood).First().Code, StringComparer.OrdinalIgnoreCase);
        var codes = areas.Select(a => a.Code).ToHashSet(StringComparer.Ordinal);
        var counts = new List<PopulationCount>();
        var read = 0;
        foreach (var row in file.Rows)
        {
            var line = ++read + 1;
            string Field(int i) => (row[columns[i]] ?? "").Trim();
            var area = Field(0);
            var areaCode = codes.Contains(area) ? area : byName.GetValueOrDefault(area);
            if (areaCode is null)
            {
                rejected.Add(line, $"Området '{area}' finns inte bland stadens områden.");
                continue;
            }

            if (!int.TryParse(Field(1), NumberStyles.None, CultureInfo.InvariantCulture, out var year) || year is < 1900 or > 2100)
            {
                rejected.Add(line, $"Året '{Field(1)}' är inget år (t.ex. 2024).");
                continue;
            }

            if (PopulationTable.Sex(Field(2), Field(2)) is not { } sex)
            {
                rejected.Add(line, $"Könet '{Field(2)}' är okänt: skriv kvinnor, män eller lämna tomt för båda.");
                continue;
            }

            if (!PopulationAges.TryParse(Field(3), out var age))
            {
                rejected.Add(line, $"Åldern '{Field(3)}' kan inte tolkas: skriv t.ex. 7, 16-24, 65- eller lämna tomt för alla åldrar.");
                continue;
            }

            var number = Field(4).Replace(" ", "", StringComparison.Ordinal).Replace("\u00a0", "", StringComparison.Ordinal);
            if (!int.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var population))
            {
                rejected.Add(line, $"Folkmängden '{Field(4)}' är inget heltal större än eller lika med 0.");
                continue;
            }

            counts.Add(new PopulationCount(areaCode, year.ToString(CultureInfo.InvariantCulture), sex, age, "", population, line));
        }

        return await FinishAsync(counts, rejected, new IndicatorImport("folkmangd", "fil", fileName, userName, read, 0, dryRun), cancellationToken);
    }

    private async Task<ImportReport> FinishAsync(List<PopulationCount> counts, RejectionLog rejected, IndicatorImport import, CancellationToken cancellationToken)
    {
        foreach (var duplicate in counts.GroupBy(c => (c.AreaCode, c.Period, c.Sex, c.Age, c.Group)).Where(g => g.Count() > 1))
        {
            rejected.Add(duplicate.Last().Record, $"{duplicate.Key.AreaCode} {duplicate.Key.Period} {duplicate.Key.Sex} {duplicate.Key.Age} finns mer än en gång.".Replace("  ", " ", StringComparison.Ordinal));
        }

        var observations = Summarise(counts);
        var overlaps = await OverlapsAsync(observations.Select(o => o.AreaCode).Distinct().ToList(), cancellationToken);
        if (overlaps.Count > 0)
        {
            var parents = await db.Areas.AsNoTracking().Where(a => a.Level == AreaLevel.Neighbourhood && a.ValidTo == null && a.Parent != null)
                .Select(a => new { a.Code, Parent = a.Parent!.Code })
                .ToDictionaryAsync(a => a.Code, a => a.Parent, cancellationToken);
            observations.AddRange(AreaOverlaps.Estimate(observations, overlaps, parents));
        }

        return await store.ReplaceAsync(
            [new ImportedSeries(Definition, observations)],
            import,
            rejected,
            token => PopulationAreas.ApplyAsync(db, observations, token),
            cancellationToken);
    }

    /// <summary>Observations by sex and age band; both sexes summed where the source gives only men and women.</summary>
    private static List<ObservedValue> Summarise(List<PopulationCount> counts)
    {
        var observations = new List<ObservedValue>();
        foreach (var group in counts.GroupBy(c => (c.AreaCode, c.Period, c.Group)))
        {
            var bySex = group.GroupBy(c => c.Sex).ToDictionary(g => g.Key, g => g.Select(c => (c.Age, Value: c.Value)).ToList());
            if (!bySex.ContainsKey("") && bySex.TryGetValue("män", out var men) && bySex.TryGetValue("kvinnor", out var women))
            {
                var womenByAge = women.ToDictionary(w => w.Age?.ToString() ?? "", w => w.Value, StringComparer.Ordinal);
                bySex[""] = men.Where(m => womenByAge.ContainsKey(m.Age?.ToString() ?? "")).Select(m => (m.Age, m.Value + womenByAge[m.Age?.ToString() ?? ""])).ToList();
            }

            var record = group.First().Record;
            foreach (var (sex, ages) in bySex)
            {
                observations.AddRange(PopulationAges.Summarise(ages)
                    .Select(a => new ObservedValue(group.Key.AreaCode, group.Key.Period, sex, a.AgeBand, group.Key.Group, a.Value, RecordNumber: record)));
            }
        }

        return observations;
    }

    private async Task<List<AreaOverlap>> OverlapsAsync(List<string> codes, CancellationToken cancellationToken)
    {
        var deso = codes.Where(AreaOverlaps.IsDeso).ToList();
        return deso.Count == 0 ? [] : await db.AreaOverlaps.AsNoTracking().Where(o => deso.Contains(o.FromCode)).ToListAsync(cancellationToken);
    }
}

/// <summary>A count of residents of an area in a period by sex ("", "män", "kvinnor"), age (null for all) and another group; where it was read.</summary>
public sealed record PopulationCount(string AreaCode, string Period, string Sex, AgeRange? Age, string Group, double Value, int Record);

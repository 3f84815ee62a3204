using System.Globalization;
using System.Text.Json;
using Trygg.Ingestion;

namespace Trygg.Indicators;

/// <summary>
/// Imports Kolada KPI values into indicators "kolada-&lt;KPI&gt;": per municipality (its code as the area) and year, by sex
/// (Kolada's gender T, K, M), with the KPI's title and description as the indicator's name and definition. A value for a
/// municipality Kolada does not list, a gender or a year that cannot be read refuses the whole import.
/// </summary>
public sealed class KoladaImporter(KoladaClient kolada, IndicatorStore store)
{
    public const string Source = "kolada";

    public async Task<ImportReport> ImportAsync(
        IReadOnlyList<string> kpis, IReadOnlyList<string> municipalities, IReadOnlyList<string> years, string? userName, bool dryRun = false, CancellationToken cancellationToken = default)
    {
        var description = $"kpi/{string.Join(',', kpis)}/municipality/{string.Join(',', municipalities)}/year/{string.Join(',', years)}";
        var rejected = new RejectionLog();
        var known = (await kolada.GetMunicipalitiesAsync(cancellationToken)).ToDictionary(m => m.Id, StringComparer.Ordinal);
        foreach (var asked in municipalities.Where(m => !IsMunicipality(m, known)))
        {
            rejected.Add(0, $"Kommunkoden '{asked}' finns inte i Koladas kommunlista.");
        }

        var metadata = (await kolada.GetKpisAsync(kpis, cancellationToken)).ToDictionary(k => k.Id, StringComparer.Ordinal);
        foreach (var missing in kpis.Where(k => !metadata.ContainsKey(k)))
        {
            rejected.Add(0, $"Nyckeltalet '{missing}' finns inte i Kolada.");
        }

        var observations = metadata.Keys.ToDictionary(k => k, _ => new List<ObservedValue>(), StringComparer.Ordinal);
        var read = 0;
        if (rejected.Count == 0)
        {
            foreach (var item in await kolada.GetValuesAsync(kpis, municipalities, years, cancellationToken))
            {
                foreach (var (record, value) in Read(item, ref read, known, observations.Keys, rejected))
                {
                    observations[KoladaClient.Text(item, "kpi")!].Add(value with { RecordNumber = record });
                }
            }
        }

        var series = metadata.Values.Select(k => new ImportedSeries(Definition(k), observations[k.Id])).ToList();
        return await store.ReplaceAsync(series, new IndicatorImport(Source, "api", description, userName, read, 0, dryRun), rejected, cancellationToken: cancellationToken);
    }

    /// <summary>"kolada-N07403": the KPI's title as name, its description as definition, the unit from the end of the title.</summary>
    public static IndicatorDefinition Definition(KoladaKpi kpi)
    {
        var unit = kpi.Title.LastIndexOf(", ", StringComparison.Ordinal) is var comma and >= 0 ? kpi.Title[(comma + 2)..] : "";
        var type = unit.Contains('/', StringComparison.Ordinal) ? IndicatorType.Rate
            : unit.Contains('%', StringComparison.Ordinal) || unit.StartsWith("andel", StringComparison.OrdinalIgnoreCase) ? IndicatorType.Share
            : IndicatorType.Value;
        return new IndicatorDefinition($"kolada-{kpi.Id}", kpi.Title, kpi.Description, unit, "Kolada", type, HigherIsBetter: false, kpi.DividedByGender ? "kon" : "");
    }

    private static List<(int Record, ObservedValue Value)> Read(
        JsonElement item, ref int read, Dictionary<string, KoladaMunicipality> known, IEnumerable<string> kpis, RejectionLog rejected)
    {
        var result = new List<(int, ObservedValue)>();
        var kpi = KoladaClient.Text(item, "kpi") ?? "";
        var municipality = KoladaClient.Text(item, "municipality") ?? "";
        var period = item.TryGetProperty("period", out var p) ? (p.ValueKind == JsonValueKind.Number ? p.GetRawText() : p.GetString() ?? "") : "";
        var values = item.TryGetProperty("values", out var v) && v.ValueKind == JsonValueKind.Array ? v.EnumerateArray().ToList() : [];
        var first = read + 1;
        read += Math.Max(1, values.Count);
        string? problem = !kpis.Contains(kpi) ? $"nyckeltalet '{kpi}' efterfrågades inte"
            : !IsMunicipality(municipality, known) ? $"kommunkoden '{municipality}' finns inte (en kommunkod har fyra siffror och står i Koladas kommunlista)"
            : !int.TryParse(period, NumberStyles.None, CultureInfo.InvariantCulture, out var year) || year is < 1900 or > 2100 ? $"perioden '{period}' är inget år"
            : null;
        if (problem is not null)
        {
            rejected.Add(first, $"Värde {first} ({kpi}, {municipality}, {period}): {problem}.");
            return result;
        }

        for (var i = 0; i < values.Count; i++)
        {
            var gender = KoladaClient.Text(values[i], "gender");
            var sex = gender switch { "T" => "", "K" => "kvinnor", "M" => "män", _ => null };
            if (sex is null)
            {
                rejected.Add(first + i, $"Värde {first + i} ({kpi}, {municipality}, {period}): könet '{gender}' är okänt (T, K eller M).");
                continue;
            }

            double? number = values[i].TryGetProperty("value", out var n) && n.ValueKind == JsonValueKind.Number ? n.GetDouble() : null;
            result.Add((first + i, new ObservedValue(municipality, period, sex, "", "", number)));
        }

        return result;
    }

    private static bool IsMunicipality(string code, Dictionary<string, KoladaMunicipality> known) =>
        code.Length == 4 && code.All(char.IsAsciiDigit) && known.ContainsKey(code);
}

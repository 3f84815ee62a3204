using Trygg.Ingestion;

namespace Trygg.Indicators;

/// <summary>
/// Reads an SCB population table (BefolkningNy/TAB638, FolkmDesoAldKon, TAB5974, TAB6471 …) whatever order its dimensions
/// come in: region, sex (1 män, 2 kvinnor, 1+2 or TotSa both), age, time and contents. Any other dimension must be narrowed
/// to one value: its total is ignored, another value (e.g. "ogifta") becomes the observations' group. A dimension with
/// several values the population cannot be split by refuses the whole table.
/// </summary>
public static class PopulationTable
{
    private const string Region = "Region";
    private const string SexDimension = "Kon";
    private const string AgeDimension = "Alder";

    /// <summary>Where a table has no region it is the whole country, SCB's "00".</summary>
    public const string Sweden = "00";

    public sealed record Reading(IReadOnlyList<PopulationCount> Counts, int OutsideScope);

    public static Reading Read(StatTable table, RejectionLog rejected)
    {
        var problems = rejected.Count;
        var time = table.Dimensions.FirstOrDefault(d => d.Role == StatRole.Time) ?? table.Dimension("Tid");
        var contents = table.Dimensions.FirstOrDefault(d => d.Role == StatRole.Metric) ?? table.Dimension(JsonStat.ContentsCode);
        if (time is null)
        {
            rejected.Add(0, $"Tabellen '{table.Label}' saknar en tidsdimension (Tid), så folkmängden kan inte knytas till ett år.");
        }

        var known = new[] { Region, SexDimension, AgeDimension, time?.Code, contents?.Code };
        var groupLabels = new List<string>();
        foreach (var other in table.Dimensions.Where(d => !known.Contains(d.Code)))
        {
            if (other.Categories.Count != 1)
            {
                rejected.Add(0, $"Tabellen har dimensionen '{other.Code}' ({other.Label}) med {other.Categories.Count} värden, som folkmängden inte kan delas upp efter. "
                    + "Välj ett enda värde för den i frågan, helst totalen.");
            }
            else if (!IsTotal(other, other.Categories[0]))
            {
                groupLabels.Add(other.Categories[0].Label);
            }
        }

        var population = contents is null ? null : PopulationContents(contents);
        if (contents is not null && population is null)
        {
            rejected.Add(0, $"Tabellen innehåller inte folkmängd: {string.Join(", ", contents.Categories.Select(c => $"{c.Code} ({c.Label})"))}.");
        }

        var sexes = new Dictionary<string, string>(StringComparer.Ordinal);
        var ages = new Dictionary<string, AgeRange?>(StringComparer.Ordinal);
        foreach (var category in table.Dimension(SexDimension)?.Categories ?? [])
        {
            if (Sex(category.Code, category.Label) is { } sex)
            {
                sexes[category.Code] = sex;
            }
            else
            {
                rejected.Add(0, $"Värdet '{category.Code}' ({category.Label}) i dimensionen {SexDimension} är inget kön som kan läsas.");
            }
        }

        foreach (var category in table.Dimension(AgeDimension)?.Categories ?? [])
        {
            if (PopulationAges.TryParse(category.Code, out var age) || PopulationAges.TryParse(category.Label, out age))
            {
                ages[category.Code] = age;
            }
            else
            {
                rejected.Add(0, $"Värdet '{category.Code}' ({category.Label}) i dimensionen {AgeDimension} är ingen ålder som kan läsas.");
            }
        }

        if (rejected.Count > problems)
        {
            return new Reading([], 0);
        }

        var group = string.Join(", ", groupLabels);
        var counts = new List<PopulationCount>(table.Cells.Count);
        var outside = 0;
        foreach (var cell in table.Cells)
        {
            if (contents is not null && table.Category(cell, contents.Code).Code != population)
            {
                outside++;
                continue;
            }

            var area = table.Dimension(Region) is null ? Sweden : AreaCode(table.Category(cell, Region).Code);
            var period = table.Category(cell, time!.Code).Code;
            if (cell.Value is not { } value)
            {
                rejected.Add(cell.Number, $"Cell {cell.Number} ({area}, {period}) har inget värde{(cell.Status is { } s ? $" (SCB:s tecken '{s}')" : "")}.");
                continue;
            }

            var sex = sexes.Count == 0 ? "" : sexes[table.Category(cell, SexDimension).Code];
            var age = ages.Count == 0 ? null : ages[table.Category(cell, AgeDimension).Code];
            counts.Add(new PopulationCount(area, period, sex, age, group, value, cell.Number));
        }

        return new Reading(counts, outside);
    }

    /// <summary>"" for both sexes, "män" or "kvinnor"; null for anything else.</summary>
    public static string? Sex(string code, string label) => (code.Trim().ToLowerInvariant(), label.Trim().ToLowerInvariant()) switch
    {
        ("1", _) or (_, "män") or ("man", _) or ("m", _) => "män",
        ("2", _) or (_, "kvinnor") or ("kvinna", _) or ("k", _) => "kvinnor",
        ("1+2", _) or ("totsa", _) or ("", _) or (_, "totalt") or (_, "båda könen") or ("alla", _) or ("t", _) => "",
        _ => null,
    };

    /// <summary>The region code without the division suffix SCB's v2 API may add ("0180C1090_DeSO2025" → "0180C1090").</summary>
    private static string AreaCode(string code) => code.Split('_')[0];

    private static bool IsTotal(StatDimension dimension, StatCategory category) =>
        category.Code == dimension.EliminationCode
        || category.Label.StartsWith("totalt", StringComparison.OrdinalIgnoreCase)
        || category.Label.StartsWith("samtliga", StringComparison.OrdinalIgnoreCase);

    /// <summary>The contents category that is the population: the only one, or the one labelled Folkmängd.</summary>
    private static string? PopulationContents(StatDimension contents) =>
        contents.Categories.Count == 1
            ? contents.Categories[0].Code
            : contents.Categories.FirstOrDefault(c => c.Label.StartsWith("Folkmängd", StringComparison.OrdinalIgnoreCase))?.Code;
}

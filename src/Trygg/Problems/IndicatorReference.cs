using Trygg.Indicators;

namespace Trygg.Problems;

/// <summary>
/// The indicator a survey goal follows, as its <see cref="Goal.IndicatorQuery"/> holds it: the indicator's code and, after a
/// '?', the one series it follows — area, sex (kvinnor or män; left out for everyone), age and group — e.g.
/// <c>trygghet-otrygg-kvall?area=0180-sd-rinkeby&amp;sex=kvinnor</c>.
/// </summary>
public sealed record IndicatorReference(string Code, string? Area, string Sex = "", string AgeBand = "", string Group = "")
{
    public const string Example = "trygghet-otrygg-kvall?area=0180-sd-rinkeby&sex=kvinnor";

    /// <summary>The observations of the series: one per period.</summary>
    public ObservationFilter Filter => new(Area is null ? [] : [Area], null, Sex, AgeBand, Group);

    /// <summary>The reference, or the Swedish reason it cannot be read.</summary>
    public static (IndicatorReference? Reference, string? Error) Parse(string? text)
    {
        var trimmed = text?.Trim() ?? "";
        var at = trimmed.IndexOf('?', StringComparison.Ordinal);
        var code = at < 0 ? trimmed : trimmed[..at];
        if (code.Length == 0)
        {
            return (null, $"Ange indikatorns kod och vad målet följer, t.ex. {Example}.");
        }

        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in (at < 0 ? "" : trimmed[(at + 1)..]).Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var (name, value) = pair.IndexOf('=', StringComparison.Ordinal) is var eq and >= 0 ? (pair[..eq], Uri.UnescapeDataString(pair[(eq + 1)..].Replace('+', ' ')).Trim()) : (pair, "");
            if (name is not ("area" or "sex" or "age" or "group"))
            {
                return (null, $"Okänt filter '{name}' i indikatorn. Filter: area, sex, age, group, t.ex. {Example}.");
            }

            values[name] = value;
        }

        var area = values.GetValueOrDefault("area") is { Length: > 0 } a ? a : null;
        if (area?.Contains(',', StringComparison.Ordinal) == true)
        {
            return (null, "Ett mål följer ett område; ange bara en områdeskod i area.");
        }

        var sex = values.GetValueOrDefault("sex")?.ToLowerInvariant() ?? "";
        if (sex is not ("" or "kvinnor" or "män"))
        {
            return (null, $"Kön '{sex}' finns inte. Skriv sex=kvinnor eller sex=män, eller utelämna sex för alla.");
        }

        return (new IndicatorReference(code, area, sex, values.GetValueOrDefault("age") ?? "", values.GetValueOrDefault("group") ?? ""), null);
    }
}
